import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runners } from './registry.js';

// Folders of src/runners that are shared machinery, not runners.
const INFRA = new Set(['detect', 'exec', 'run', 'checks', 'report', 'present', 'shared']);
const here = path.dirname(fileURLToPath(import.meta.url));
const folders = readdirSync(here).filter((f) => statSync(path.join(here, f)).isDirectory() && !INFRA.has(f));

describe('runner registry', () => {
  it('registers exactly one runner per folder, with the folder name as id', () => {
    expect(runners.map((r) => r.id).sort()).toEqual([...folders].sort());
  });

  it('has unique ids', () => {
    expect(new Set(runners.map((r) => r.id)).size).toBe(runners.length);
  });

  for (const r of runners) {
    it(`${r.id} has the required shape`, () => {
      expect(typeof r.label).toBe('string');
      expect(typeof r.detect).toBe('function');
      expect(typeof r.fullRun).toBe('function');
      // A runner that can target single tests must also say how a person re-runs one.
      if (r.targetedRun) expect(typeof r.reproCommand).toBe('function');
    });
  }

  it('lists the runners the issue asks for', () => {
    expect(runners.map((r) => r.id)).toEqual(expect.arrayContaining(['vitest', 'jest', 'mocha', 'node-test', 'bun', 'pytest', 'go', 'cargo', 'surefire', 'terraform', 'command']));
  });
});
