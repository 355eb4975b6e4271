import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { markStateDir } from './state-dir.js';

const dir = mkdtempSync(path.join(tmpdir(), 'suture-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('markStateDir', () => {
  it('keeps .suture/ out of git status, whatever is written below it', () => {
    const repo = path.join(dir, 'repo');
    mkdirSync(repo);
    execFileSync('git', ['init', '-q'], { cwd: repo });
    const file = path.join(repo, '.suture', 'patches', 'a.patch');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'x');
    markStateDir(file);
    expect(readFileSync(path.join(repo, '.suture', '.gitignore'), 'utf8')).toMatch(/^\*$/m);
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: repo, encoding: 'utf8' })).toBe('');
  });

  it("keeps the user's own .gitignore there, and leaves other directories alone", () => {
    const own = path.join(dir, 'own', '.suture');
    mkdirSync(own, { recursive: true });
    writeFileSync(path.join(own, '.gitignore'), 'suture.db\n');
    markStateDir(path.join(own, 'suture.db'));
    expect(readFileSync(path.join(own, '.gitignore'), 'utf8')).toBe('suture.db\n');
    const elsewhere = path.join(dir, 'reports');
    mkdirSync(elsewhere);
    markStateDir(path.join(elsewhere, 'events.ndjson'));
    expect(() => readFileSync(path.join(elsewhere, '.gitignore'))).toThrow();
  });
});
