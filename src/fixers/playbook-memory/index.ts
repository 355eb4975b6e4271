import { rm, writeFile } from 'node:fs/promises';
import type { PlaybookEntry } from '../../store/types.js';
import { gitRun } from '../shared/git.js';
import { toWorktreeRelative } from '../shared/worktree-path.js';
import type { Fixer, FixContext, FixResult } from '../types.js';
import { reanchor } from './reanchor.js';

/** At most this many stored fixes are tried per attempt, best first. */
const MAX_ENTRIES = 3;

type Replayed = { how: string } | { refused: string };

/**
 * Applies a stored diff to the worktree, exactly (git apply, which tolerates shifted lines), else by a
 * three-way merge from the blobs the diff names, else re-anchored by content. Never partially:
 * a failed try leaves the worktree as it was.
 */
async function replay(worktree: string, diff: string): Promise<Replayed> {
  const input = diff.endsWith('\n') ? diff : `${diff}\n`;
  if ((await gitRun(worktree, ['apply', '-R', '--check'], { input })).code === 0) return { refused: 'the change is already in the tree (the failure recurs with it in place)' };
  if ((await gitRun(worktree, ['apply', '--check', '--whitespace=nowarn'], { input })).code === 0) {
    const r = await gitRun(worktree, ['apply', '--whitespace=nowarn'], { input });
    if (r.code === 0) return { how: 'applied as stored' };
  }
  // --3way needs the index; on a conflict it leaves markers, so the tree is restored from HEAD's index.
  const three = await gitRun(worktree, ['apply', '--3way', '--whitespace=nowarn'], { input });
  if (three.code === 0 && !/conflict/i.test(three.stderr)) return { how: 'merged three-way (context had changed)' };
  const touched = [...new Set([...input.matchAll(/^\+\+\+ b\/(.+)$/gm), ...input.matchAll(/^--- a\/(.+)$/gm)].map((m) => m[1]!))];
  if (touched.length) await gitRun(worktree, ['checkout', '-q', 'HEAD', '--', ...touched]);
  const moved = await reanchor(worktree, input);
  if (!moved.ok) return { refused: moved.reason };
  for (const [abs, text] of moved.files) {
    if (text === null) await rm(abs, { force: true });
    else await writeFile(abs, text);
  }
  return { how: `re-anchored by content in ${[...moved.files.keys()].map((f) => toWorktreeRelative(worktree, f)).join(', ')}` };
}

/**
 * A fingerprint healed before gets its stored, verified fix replayed (adapted where the context moved,
 * never blind), then verified like any other candidate.
 */
export const playbookMemoryFixer: Fixer = {
  id: 'playbook-memory',
  cost: 'free',
  appliesTo: (cluster) => !cluster.flaky && cluster.fingerprint !== '',
  async propose(ctx: FixContext): Promise<FixResult> {
    if (!ctx.store) return { kind: 'pass', reason: 'no store: no playbook to replay' };
    const entries = (await ctx.store.findPlaybooks(ctx.repo, ctx.cluster.fingerprint)).sort(byTrust);
    if (entries.length === 0) return { kind: 'pass', reason: `no stored fix for ${ctx.cluster.fingerprint}` };
    const tried = new Set(ctx.previousAttempts.filter((a) => a.fixer === 'playbook-memory' && a.patch).map((a) => a.patch!.hash));
    const refused: string[] = [];
    for (const entry of entries.filter((e) => !tried.has(e.patchHash)).slice(0, MAX_ENTRIES)) {
      const r = await replay(ctx.worktree, entry.diff);
      if ('how' in r) {
        return { kind: 'edited', summary: `replayed the fix that healed ${entry.fingerprint} before (by ${entry.fixer}, ${entry.successes} success(es), patch ${entry.patchHash.slice(0, 12)}): ${r.how}` };
      }
      refused.push(`patch ${entry.patchHash.slice(0, 12)}: ${r.refused}`);
    }
    if (refused.length === 0) return { kind: 'pass', reason: 'every stored fix for this fingerprint was already tried in this run' };
    return { kind: 'unfixable', reason: `stored fixes no longer apply: ${refused.join('; ')}` };
  },
};

function byTrust(a: PlaybookEntry, b: PlaybookEntry): number {
  return b.successes - a.successes || b.createdAt.localeCompare(a.createdAt);
}

export default playbookMemoryFixer;
