import { execFileSync } from 'node:child_process';
import { loadConfig } from '../../src/config/load.js';
import type { Verdict } from '../../src/events/index.js';
import { judge } from '../../src/guard/index.js';

export interface CommitVerdict {
  sha: string;
  subject: string;
  verdict: Verdict;
  ms: number;
}

/**
 * Judges each of the last `n` non-merge commits of a real repository against its first parent, as
 * `suture guard --head <sha>` does (read-only: revisions are read with git, nothing is checked out).
 */
export async function judgeHistory(root: string, n: number): Promise<CommitVerdict[]> {
  const git = (args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const config = await loadConfig(root);
  const out: CommitVerdict[] = [];
  for (const sha of git(['rev-list', '--no-merges', '-n', String(n), 'HEAD']).trim().split('\n').filter(Boolean)) {
    const parent = git(['rev-list', '--parents', '-n', '1', sha]).trim().split(' ')[1];
    if (!parent) continue; // the root commit has nothing to compare with
    const diff = git(['diff', '--no-color', '--no-ext-diff', '--find-renames', '--src-prefix=a/', '--dst-prefix=b/', parent, sha]);
    const t = performance.now();
    const verdict = await judge({ diff }, { root, config, base: parent, head: sha });
    out.push({ sha, subject: git(['log', '-1', '--format=%s', sha]).trim(), verdict, ms: performance.now() - t });
  }
  return out;
}
