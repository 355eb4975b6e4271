import type { Patch } from '../events/index.js';
import { git, gitAsUser } from './git.js';
import type { SandboxSession } from './sandbox/index.js';
import { verifiedChain } from './chain.js';
import type { ClusterOutcome } from './types.js';

/** The trailer key on suture's fix commits (guard.loop.trailer): loop prevention recognises it. */
export const DEFAULT_TRAILER = 'Suture-Fix';

export interface ApplyReport {
  applied: number;
  committed: number;
  /** One sentence for the summary when something was not applied or not committed. */
  note?: string;
}

/**
 * Writes the verified, auto-approved fixes into the user's tree, in the order they were verified
 * (each was verified on top of the previous ones; settleChain() made them a prefix of the stack). Refuses when the user's files changed since the
 * run started; applies each patch all or nothing (git apply checks every hunk before writing); stops the
 * chain at the first patch that does not apply (later ones were verified on top of it).
 */
export async function applyFixes(session: SandboxSession, outcomes: ClusterOutcome[], opts: { commit: boolean; trailer?: string }): Promise<ApplyReport> {
  const chain = verifiedChain(outcomes).filter((o) => o.resolution === 'healed'); // a prefix, after settleChain()
  const report: ApplyReport = { applied: 0, committed: 0 };
  if (chain.length === 0) return report;
  const root = session.repo.root;

  if (await session.userTreeChanged()) {
    for (const o of chain) demote(o, 'not applied: files in your repository changed while suture was running; re-run suture heal');
    report.note = 'nothing applied: your files changed since the run started';
    return report;
  }
  let commit = opts.commit;
  if (commit) {
    const files = chain.flatMap((o) => o.patch!.files.map((f) => f.path));
    const dirty = await uncommittedAmong(root, files);
    if (dirty.length > 0) {
      commit = false;
      report.note = `applied but not committed: ${dirty.slice(0, 3).join(', ')} had uncommitted changes of yours`;
    }
  }
  for (let i = 0; i < chain.length; i++) {
    const o = chain[i]!;
    try {
      // git apply is all or nothing: it checks every hunk before it writes any file.
      await git(root, ['apply', '--binary', '--whitespace=nowarn'], { input: withNewline(o.patch!) });
    } catch (err) {
      const why = firstLine((err as Error).message);
      for (const rest of chain.slice(i)) demote(rest, rest === o ? `verified, but does not apply to your tree: ${why}` : `verified on top of ${o.id}, which did not apply`);
      report.note = `stopped applying at ${o.id}: ${why}`;
      break;
    }
    o.applied = true;
    report.applied++;
    if (commit) {
      o.commit = await commitFix(root, o, opts.trailer ?? DEFAULT_TRAILER);
      report.committed++;
    }
  }
  return report;
}

function demote(o: ClusterOutcome, reason: string): void {
  o.resolution = 'proposed';
  o.reason = reason;
  o.applied = false;
}

async function uncommittedAmong(root: string, files: string[]): Promise<string[]> {
  if (files.length === 0) return [];
  const changed = await git(root, ['diff', '--name-only', 'HEAD', '--', ...files]).catch(() => files.join('\n'));
  const untracked = await git(root, ['ls-files', '--others', '--exclude-standard', '--', ...files]).catch(() => '');
  return [...new Set([...changed.split('\n'), ...untracked.split('\n')].filter(Boolean))];
}

/** The commit message a reviewer reads: what failed, who fixed it, how it was verified, and the trailer. */
export function commitMessage(o: ClusterOutcome, trailer = DEFAULT_TRAILER): string[] {
  const c = o.cluster;
  const where = c.representative.file ?? c.representative.test_id;
  const tests = c.testIds.slice(0, 5).map((t) => `  - ${t}`);
  if (c.testIds.length > 5) tests.push(`  - and ${c.testIds.length - 5} more`);
  return [
    `fix: heal ${c.category} failure in ${where} (suture)`,
    [c.rootCause, '', 'Failing before:', ...tests].join('\n'),
    [
      `Fixer: ${o.fixer ?? 'unknown'}${o.fixSummary ? ` (${o.fixSummary})` : ''}`,
      'Verified: the failing tests pass on a targeted re-run; the full suite has no new failures and no fewer tests.',
      o.verdict ? `Guard: ${o.verdict.decision}, risk ${o.verdict.risk}` : 'Guard: not run',
    ].join('\n'),
    `${trailer}: ${c.fingerprint}`,
  ];
}

async function commitFix(root: string, o: ClusterOutcome, trailer: string): Promise<string> {
  const files = o.patch!.files.map((f) => f.path);
  await gitAsUser(root, ['add', '--', ...files]);
  await gitAsUser(root, ['commit', '-q', ...commitMessage(o, trailer).flatMap((m) => ['-m', m]), '--', ...files]);
  return (await git(root, ['rev-parse', 'HEAD'])).trim();
}

function withNewline(p: Patch): string {
  return p.diff.endsWith('\n') ? p.diff : `${p.diff}\n`;
}

function firstLine(s: string): string {
  return s.trim().split('\n')[0] ?? s;
}
