import { dependencyExcludes } from './links.js';
import { cleanupLeftovers } from './registry.js';
import { openRepo, type RepoInfo } from './repo.js';
import { excludePathspecs, snapshotState, treeChangedSince, type Snapshot } from './snapshot.js';
import { Sandbox } from './worktree.js';

export { openRepo, type RepoInfo } from './repo.js';
export { Sandbox } from './worktree.js';
export { concatPatches } from './patch.js';
export { cleanupLeftovers } from './registry.js';
export { REF_NAMESPACE } from './snapshot.js';

export interface OpenSandboxOptions {
  runId: string;
  linkDirs: string[];
  /** Repository-relative paths kept out of snapshots and patches (suture's output directory). */
  exclude: string[];
  /** Wall time of the steps, for the overhead breakdown (heal passes its phase timer). */
  time?: <T>(phase: string, fn: () => Promise<T>) => Promise<T>;
}

export interface SandboxSession {
  repo: RepoInfo;
  snapshot: Snapshot;
  sandbox: Sandbox;
  /** Sandboxes of earlier killed runs removed before this one started. */
  cleaned: number;
  /** True when the user's tree no longer matches the snapshot (they edited files during the run). */
  userTreeChanged(): Promise<boolean>;
  dispose(): Promise<void>;
}

/**
 * Cleans what killed runs left, snapshots the user's current state (never touching their index,
 * working tree or refs: the snapshot is a commit object no ref points to) and opens a worktree on it.
 */
export async function openSandbox(where: string | RepoInfo, opts: OpenSandboxOptions): Promise<SandboxSession> {
  const repo = typeof where === 'string' ? await openRepo(where) : where;
  const time = opts.time ?? (<T>(_phase: string, fn: () => Promise<T>) => fn());
  const name = `run-${opts.runId}`;
  const pathspecs = [...excludePathspecs(opts.exclude), ...dependencyExcludes(opts.linkDirs)];
  // Nothing to register yet: a snapshot is a commit object no ref points to, which leaves nothing to
  // clean if the run is killed; Sandbox.create registers before it creates the worktree.
  const snap = (): Promise<Snapshot> => snapshotState(repo, pathspecs);
  // Leftovers of dead runs never include this run's entry (its owner is alive), so both can go at once.
  const [cleaned, snapshot] = await Promise.all([cleanupLeftovers(repo.root, repo.commonDir), time('prepare:snapshot', snap)]);
  const sandbox = await time('prepare:worktree', () => Sandbox.create(repo, { name, base: snapshot.commit, linkDirs: opts.linkDirs, exclude: opts.exclude, refs: [] }));
  return {
    repo,
    snapshot,
    sandbox,
    cleaned,
    userTreeChanged: () => treeChangedSince(repo, snapshot, pathspecs),
    dispose: () => sandbox.dispose(),
  };
}
