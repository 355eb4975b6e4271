import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../config/schema.js';
import { openStore } from '../../store/index.js';
import type { Store } from '../../store/types.js';
import { didYouMeanFixer } from '../did-you-mean/index.js';
import { fixContext, git, tempRepo, tsc, worktreeOf, type TempRepo } from '../shared/testing/temp-repo.js';
import { tscEvents } from '../shared/testing/tool-events.js';
import { playbookMemoryFixer } from './index.js';

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const COUNTR = "src/counter.ts(8,10): error TS2552: Cannot find name 'countr'. Did you mean 'counter'?";

async function storeWithPlaybook(repo: TempRepo): Promise<{ store: Store; diff: string }> {
  // The fix as the heal loop would have stored it: a real fixer's edit, as a full-index git diff.
  const wt = worktreeOf(repo);
  await didYouMeanFixer.propose(fixContext(wt.dir, tscEvents(COUNTR, wt.dir)));
  const diff = git(wt.dir, 'diff', '--full-index', '--binary');
  wt.cleanup();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'suture-playbook-store-'));
  const store = await openStore({ root: dir, config: configSchema.parse({}) });
  cleanups.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const patchHash = createHash('sha256').update(diff).digest('hex');
  await store.savePlaybook({ repo: 'fixture', fingerprint: 'fp1:test', fixer: 'did-you-mean', patchHash, diff, createdAt: '2026-01-01T00:00:00.000Z', successes: 2 });
  return { store, diff };
}

function setup(): TempRepo {
  const repo = tempRepo('ts-typo', { linkNodeModules: true });
  cleanups.push(() => repo.cleanup());
  return repo;
}

describe('playbook-memory with a real SQLite store', () => {
  it('replays the stored fix as it was recorded; tsc no longer reports the error', async () => {
    const repo = setup();
    const { store, diff } = await storeWithPlaybook(repo);
    const wt = worktreeOf(repo);
    cleanups.push(() => wt.cleanup());
    const result = await playbookMemoryFixer.propose(fixContext(wt.dir, tscEvents(COUNTR, wt.dir), { store }));
    expect(result).toMatchObject({ kind: 'edited', summary: expect.stringMatching(/^replayed the fix that healed fp1:test before \(by did-you-mean, 2 success\(es\), patch [0-9a-f]{12}\): applied as stored$/) });
    expect(wt.diff()).toBe(diff.split('\n').filter((l) => !l.startsWith('index ')).join('\n'));
    expect(tscEvents(tsc(wt.dir).stdout, wt.dir).map((e) => e.error_code)).toEqual(['TS2551']);
  });

  it('re-anchors by content when the surrounding lines changed so much that git cannot merge it', async () => {
    const repo = setup();
    const { store } = await storeWithPlaybook(repo);
    const file = path.join(repo.dir, 'src/counter.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  const counter = current + 1;\n', '  // one more than before\n  const counter = current + 1;\n  void 0;\n').replace('export function nextCount', '/** The next count. */\nexport function nextCount'));
    repo.commit('counter: comments');
    const wt = worktreeOf(repo);
    cleanups.push(() => wt.cleanup());
    const result = await playbookMemoryFixer.propose(fixContext(wt.dir, tscEvents(COUNTR, wt.dir), { store }));
    expect(result).toMatchObject({ kind: 'edited', summary: expect.stringContaining('re-anchored by content in src/counter.ts') });
    expect(wt.diff()).toContain(['   void 0;', '-  return countr;', '+  return counter;', ' }'].join('\n'));
    expect(git(wt.dir, 'diff', '--name-only', 'HEAD').trim()).toBe('src/counter.ts');
  });

  it('refuses (unfixable) when the lines it changed are gone, and passes without a store or a playbook', async () => {
    const repo = setup();
    const { store } = await storeWithPlaybook(repo);
    const file = path.join(repo.dir, 'src/counter.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  return countr;\n', '  return counter + 0;\n'));
    repo.commit('counter: rewrite');
    const wt = worktreeOf(repo);
    cleanups.push(() => wt.cleanup());
    const events = tscEvents(COUNTR, wt.dir);
    const result = await playbookMemoryFixer.propose(fixContext(wt.dir, events, { store }));
    expect(result).toMatchObject({ kind: 'unfixable', reason: expect.stringContaining('the lines it changes are no longer in the file') });
    expect(wt.diff()).toBe('');
    expect(await playbookMemoryFixer.propose(fixContext(wt.dir, events))).toEqual({ kind: 'pass', reason: 'no store: no playbook to replay' });
    const other = fixContext(wt.dir, events, { store });
    other.cluster.fingerprint = 'fp1:other';
    expect(await playbookMemoryFixer.propose(other)).toEqual({ kind: 'pass', reason: 'no stored fix for fp1:other' });
  });
});
