import { EnvironmentError, ExitCode, SutureError, UsageError } from '../../errors.js';
import { openRepo, Sandbox } from '../../heal/sandbox/index.js';
import { gitOut, gitRun } from '../shared/git.js';
import type { BisectProbe, ProbeVerdict } from './probes.js';

export interface CommitInfo {
  sha: string;
  subject: string;
  author: string;
  date: string;
}

export interface BisectStep {
  sha: string;
  verdict: ProbeVerdict;
  detail: string;
}

export interface BisectOptions {
  /** Any directory of the repository (the user's tree or a worktree of it); never modified. */
  repoDir: string;
  probe: BisectProbe;
  /** Default HEAD. */
  bad?: string;
  /** Default: found by probing first-parent ancestors of `bad` at distances 1, 2, 4, ... */
  good?: string;
  /** How far back the automatic search for a good commit goes (default 64). */
  maxBack?: number;
  /** Dependency directory names linked into the sandbox (config heal.link_dirs). */
  linkDirs?: string[];
  signal?: AbortSignal;
  log?: (line: string) => void;
  /**
   * `repoDir` is already a disposable worktree (the heal sandbox): bisect there and put its HEAD and
   * files back afterwards, instead of creating another worktree and linking the dependencies again.
   * Ignored (a worktree of its own is made) when it has uncommitted changes to tracked files.
   */
  inPlace?: boolean;
}

export interface BisectResult {
  /** The first commit where the probe fails, when git narrowed it to one. */
  firstBad?: CommitInfo;
  /** With skipped commits left, the commits it could be (newest first). */
  candidates: CommitInfo[];
  good: string;
  bad: string;
  /** Every probe run, in order (including the checks of good and bad). */
  steps: BisectStep[];
}

/** The bisection could not answer (the test passes at --bad, no good commit): exit 1. */
export class BisectError extends SutureError {
  override readonly exitCode = ExitCode.FAILURES;
}

export class BisectInterrupted extends SutureError {
  override readonly exitCode = ExitCode.INTERRUPTED;
}

async function resolve(dir: string, rev: string): Promise<string> {
  const r = await gitRun(dir, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  if (r.code === 0 && /^[0-9a-f]{40,64}$/.test(r.stdout.trim())) return r.stdout.trim();
  throw new UsageError(`'${rev}' is not a commit of this repository`, { code: 'E_BAD_REVISION', hint: 'Give a commit, tag or branch name (git rev-parse must accept it).' });
}

export async function commitInfo(dir: string, sha: string): Promise<CommitInfo> {
  const [full, subject, author, date] = (await gitOut(dir, ['show', '-s', '--format=%H%n%s%n%an%n%aI', sha])).split('\n');
  return { sha: full!, subject: subject ?? '', author: author ?? '', date: date ?? '' };
}

/**
 * Finds the commit that broke a test with targeted re-runs, driving `git bisect` step by step in a
 * disposable worktree (never the user's tree; bisect state is per worktree, so the user's repository
 * is never left bisecting). Probes run in-process (runners' targeted re-runs or a user command) and
 * report good/bad/skip to git exactly as `git bisect run` would, which lets suture time out, cancel and
 * record each step.
 */
export async function bisect(opts: BisectOptions): Promise<BisectResult> {
  const log = opts.log ?? (() => {});
  const repo = await openRepo(opts.repoDir);
  if (!repo.head) throw new EnvironmentError('the repository has no commits', { code: 'E_NO_COMMITS' });
  const bad = await resolve(repo.root, opts.bad ?? 'HEAD');
  const good = opts.good ? await resolve(repo.root, opts.good) : undefined;
  if (good) {
    const ancestor = await gitRun(repo.root, ['merge-base', '--is-ancestor', good, bad]);
    if (ancestor.code !== 0) throw new UsageError(`--good ${opts.good} is not an ancestor of --bad ${opts.bad ?? 'HEAD'}`, { code: 'E_BAD_RANGE' });
  }
  // In place only over a clean checkout: uncommitted edits there would be lost to the checkouts.
  const inPlace = opts.inPlace && (await gitOut(repo.root, ['status', '--porcelain', '--untracked-files=no'])).trim() === '';
  const sandbox = inPlace ? undefined : await Sandbox.create(repo, { name: `bisect-${process.pid}-${Date.now()}`, base: bad, linkDirs: opts.linkDirs ?? ['node_modules', '.venv', 'venv'], exclude: [], refs: [] });
  const dir = sandbox?.dir ?? repo.root;
  const steps: BisectStep[] = [];
  let bisecting = false;
  const probeAt = async (sha: string): Promise<ProbeVerdict> => {
    if (opts.signal?.aborted) throw new BisectInterrupted('bisect interrupted', { code: 'E_INTERRUPTED' });
    await gitOut(dir, ['checkout', '-q', '-f', '--detach', sha]);
    const { verdict, detail } = await opts.probe(dir, opts.signal);
    steps.push({ sha, verdict, detail });
    log(`bisect: ${sha.slice(0, 10)} ${verdict} (${detail})`);
    return verdict;
  };
  try {
    if ((await probeAt(bad)) !== 'bad') {
      throw new BisectError(`the failure does not happen at ${opts.bad ?? 'HEAD'} (${bad.slice(0, 10)}): nothing to bisect`, { code: 'E_NOT_FAILING', hint: 'Check the test id or --cmd, or pass --bad with a failing commit.' });
    }
    let newestBad = bad;
    let goodSha = good;
    if (goodSha) {
      if ((await probeAt(goodSha)) !== 'good') throw new BisectError(`the failure also happens at --good ${opts.good} (${goodSha.slice(0, 10)})`, { code: 'E_GOOD_IS_BAD', hint: 'Pass an older --good commit where it passes.' });
    } else {
      const found = await findGood(repo.root, bad, opts.maxBack ?? 64, probeAt);
      if (!found.good) throw new BisectError(`no passing commit within ${found.searched} first-parent ancestors of ${bad.slice(0, 10)}`, { code: 'E_NO_GOOD', hint: 'Pass --good with a commit where it passed.' });
      goodSha = found.good;
      newestBad = found.newestBad ?? bad;
    }
    // The newest bad commit right after the good one (the usual "the last commit broke it"): that is
    // the answer, with no bisection to run (git bisect would say the same after its start-up).
    const parents = (await gitOut(dir, ['rev-list', '--parents', '-n', '1', newestBad])).trim().split(/\s+/).slice(1);
    let outcome: { first?: string; candidates: string[] };
    if (parents.length === 1 && parents[0] === goodSha) outcome = { first: newestBad, candidates: [] };
    else {
      bisecting = true;
      outcome = await runBisect(dir, newestBad, goodSha, probeAt);
    }
    const candidates = await Promise.all(outcome.candidates.map((c) => commitInfo(repo.root, c)));
    return { firstBad: outcome.first ? await commitInfo(repo.root, outcome.first) : undefined, candidates, good: goodSha, bad, steps };
  } finally {
    // Not `--quiet`: git takes it for a commit name, fails and leaves the bisect state behind.
    if (bisecting) await gitRun(dir, ['bisect', 'reset']);
    if (sandbox) await sandbox.dispose();
    else await gitRun(dir, ['checkout', '-q', '-f', '--detach', repo.head]);
  }
}

/** First-parent ancestors at distances 1, 2, 4, ...: the first passing one is `good`. */
async function findGood(root: string, bad: string, maxBack: number, probeAt: (sha: string) => Promise<ProbeVerdict>): Promise<{ good?: string; newestBad?: string; searched: number }> {
  const ancestors = (await gitOut(root, ['rev-list', '--first-parent', `--max-count=${maxBack + 1}`, bad])).trim().split('\n').slice(1);
  let newestBad: string | undefined;
  for (let d = 1; ; d = Math.min(d * 2, ancestors.length)) {
    const sha = ancestors[d - 1];
    if (!sha) return { newestBad, searched: ancestors.length };
    const v = await probeAt(sha);
    if (v === 'good') return { good: sha, newestBad, searched: d };
    if (v === 'bad') newestBad = sha;
    if (d === ancestors.length) return { newestBad, searched: d };
  }
}

/** Drives git bisect in the sandbox until it names the first bad commit (or the skipped candidates). */
async function runBisect(dir: string, bad: string, good: string, probeAt: (sha: string) => Promise<ProbeVerdict>): Promise<{ first?: string; candidates: string[] }> {
  let out = await gitOut(dir, ['bisect', 'start', '--no-checkout', bad, good]);
  for (let i = 0; i < 200; i++) {
    const first = /^([0-9a-f]{40}) is the first bad commit/m.exec(out);
    if (first) return { first: first[1], candidates: [] };
    if (/only 'skip'ped commits left to test/.test(out)) {
      return { candidates: [...out.matchAll(/^([0-9a-f]{40})$/gm)].map((m) => m[1]!) };
    }
    const next = (await gitOut(dir, ['rev-parse', 'BISECT_HEAD'])).trim();
    const verdict = await probeAt(next);
    out = await gitOut(dir, ['bisect', verdict, next]);
  }
  throw new SutureError('git bisect did not converge after 200 steps', { code: 'E_BISECT_DIVERGED' });
}
