import os from 'node:os';
import { dependencyExcludes } from './links.js';
import { cleanupLeftovers, register, unregister } from './registry.js';
import { openRepo, type RepoInfo } from './repo.js';
import { currentTree, excludePathspecs, snapshotState, type Snapshot } from './snapshot.js';
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
  const name = `run-${opts.runId}`;
  const pathspecs = [...excludePathspecs(opts.exclude), ...dependencyExcludes(opts.linkDirs)];
  const snap = async (): Promise<Snapshot> => {
    // Registered before anything exists, so a kill at any later point is cleaned by the next run.
    await register(repo.commonDir, name, { pid: process.pid, host: os.hostname(), dir: '', refs: [], createdAt: new Date().toISOString() });
    try {
      // No ref needed: git never prunes fresh objects, and the worktree's HEAD pins the snapshot.
      return await snapshotState(repo, pathspecs);
    } catch (err) {
      await unregister(repo.commonDir, name);
      throw err;
    }
  };
  // Leftovers of dead runs never include this run's entry (its owner is alive), so both can go at once.
  const [cleaned, snapshot] = await Promise.all([cleanupLeftovers(repo.root, repo.commonDir), snap()]);
  const sandbox = await Sandbox.create(repo, { name, base: snapshot.commit, linkDirs: opts.linkDirs, exclude: opts.exclude, refs: [] });
  return {
    repo,
    snapshot,
    sandbox,
    cleaned,
    userTreeChanged: async () => (await currentTree(repo, pathspecs)) !== snapshot.tree,
    dispose: () => sandbox.dispose(),
  };
}
