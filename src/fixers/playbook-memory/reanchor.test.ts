import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reanchor } from './reanchor.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'suture-reanchor-'));
  dirs.push(dir);
  for (const [f, t] of Object.entries(files)) writeFileSync(path.join(dir, f), t);
  return dir;
}

const DIFF = ['diff --git a/a.txt b/a.txt', '--- a/a.txt', '+++ b/a.txt', '@@ -1,3 +1,3 @@', ' one', '-two', '+TWO', ' three', ''].join('\n');

describe('reanchor', () => {
  it('finds the changed lines wherever they moved, trimming context that changed', async () => {
    const dir = tree({ 'a.txt': 'zero\nONE!\ntwo\nthree\n' });
    const r = await reanchor(dir, DIFF);
    expect(r.ok && [...r.files.values()]).toEqual(['zero\nONE!\nTWO\nthree\n']);
  });

  it('refuses ambiguous, missing and already-applied hunks', async () => {
    expect(await reanchor(tree({ 'a.txt': 'x\ntwo\ny\ntwo\n' }), DIFF)).toMatchObject({ ok: false, reason: expect.stringContaining('ambiguous') });
    expect(await reanchor(tree({ 'a.txt': 'one\n2\nthree\n' }), DIFF)).toMatchObject({ ok: false, reason: expect.stringContaining('no longer in the file') });
    expect(await reanchor(tree({ 'a.txt': 'one\nTWO\nthree\n' }), DIFF)).toMatchObject({ ok: false, reason: expect.stringContaining('already there') });
    expect(await reanchor(tree({}), DIFF)).toMatchObject({ ok: false, reason: 'a.txt no longer exists' });
  });
});
