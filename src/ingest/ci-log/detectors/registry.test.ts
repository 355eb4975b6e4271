import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DiagnosticIds } from '../../results/ids.js';
import type { Detector } from '../types.js';
import { detectors } from './index.js';

const dir = fileURLToPath(new URL('.', import.meta.url));

function isDetector(x: unknown): x is Detector {
  return typeof x === 'object' && x !== null && typeof (x as Detector).id === 'string' && typeof (x as Detector).sniff === 'function' && typeof (x as Detector).detect === 'function';
}

describe('CI-log detector registry', () => {
  it('registers every detector exported from the folder, each once, with a unique id', async () => {
    const exported: Detector[] = [];
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts') && n !== 'index.ts' && n !== 'util.ts')) {
      const mod = (await import(`./${f}`)) as Record<string, unknown>;
      for (const v of Object.values(mod)) {
        if (isDetector(v)) exported.push(v);
        if (Array.isArray(v)) exported.push(...v.filter(isDetector));
      }
    }
    expect(exported.length).toBeGreaterThan(15);
    for (const d of exported) expect(detectors, d.id).toContain(d);
    const ids = detectors.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every detector finds nothing in empty or unrelated text and does not throw on odd input', () => {
    const ctx = { opts: { repoRoot: '/r', displayName: 'x' }, ids: new DiagnosticIds() };
    for (const d of detectors) {
      expect(d.detect([], ctx), d.id).toEqual([]);
      expect(d.detect(['all good', 'done in 3s'], ctx), d.id).toEqual([]);
      expect(() => d.detect(['FAIL', '●', '--- FAIL:', 'error:', 'panic: ', '[ERROR]', '\u0000'.repeat(10)], ctx), d.id).not.toThrow();
    }
  });
});
