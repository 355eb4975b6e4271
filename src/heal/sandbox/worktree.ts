import { mkdtemp, realpath } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Patch } from '../../events/index.js';
import { git, SUTURE_IDENTITY } from '../git.js';
import { DependencyEntries } from './dependency-entries.js';
import { dependencyExcludes, findDependencyDirs, linkDependencyDirs } from './links.js';
import { buildPatch } from './patch.js';
import { deleteRef, register, removeWorktree, unregister } from './registry.js';
import type { RepoInfo } from './repo.js';
import { excludePathspecs } from './snapshot.js';

export interface SandboxOptions {
  /** Unique per run: names the registry entry and the worktree. */
  name: string;
  /** The snapshot commit the worktree starts from. */
  base: string;
  /** Dependency directory names to link from the user's tree (node_modules, .venv...). */
  linkDirs: string[];
  /** Repository-relative paths never part of a patch (suture's output directory). */
  exclude: string[];
  /** Refs under refs/suture/ owned by this run, deleted with the sandbox (or by the next run). */
  refs: string[];
}

/**
 * One disposable git worktree outside the user's tree (under the OS temp dir), reset to `base`
 * before every attempt. Fixers edit files here; `diff()` turns their edits into a Patch.
 * Layout: `<home>/<repo name>` is the worktree; `<home>` (suture's own directory) also holds the
 * link to the user's node_modules (see links.ts) and `scratch/`.
 */
export class Sandbox {
  private constructor(
    private readonly repo: RepoInfo,
    readonly dir: string,
    private readonly home: string,
    private readonly opts: SandboxOptions,
    /** Dependency paths linked in, never part of a patch. */
    readonly linked: string[],
    private readonly deps: DependencyEntries,
    private currentBase: string,
  ) {}

  /** 'clean': nothing to undo; 'maybe': tests ran or a fixer answered (often nothing changed); 'dirty': known edits. */
  private state: 'clean' | 'maybe' | 'dirty' = 'clean';
  private specs: string[] | undefined;
  /** Tree of each patch diff() produced (the index at that moment), by patch hash. */
  private readonly trees = new Map<string, string>();
  /** The patch the index and files hold right now (the last diff(), no reset since). */
  private staged: string | undefined;

  static async create(repo: RepoInfo, opts: SandboxOptions): Promise<Sandbox> {
    const home = await realpath(await mkdtemp(path.join(os.tmpdir(), 'suture-wt-')));
    const dir = path.join(home, path.basename(repo.root) || 'repo');
    // Registered before the worktree exists, so a kill at any later point is cleaned by the next run.
    await register(repo.commonDir, opts.name, { pid: process.pid, host: os.hostname(), dir, home, refs: opts.refs, createdAt: new Date().toISOString() });
    try {
      const [, found] = await Promise.all([git(repo.root, ['worktree', 'add', '--detach', dir, opts.base]), findDependencyDirs(repo.root, opts.linkDirs)]);
      const { linked, owned } = await linkDependencyDirs(repo.root, dir, found, home);
      return new Sandbox(repo, dir, home, opts, linked, await DependencyEntries.create(dir, owned), opts.base);
    } catch (err) {
      await removeWorktree(repo.root, dir, home);
      for (const ref of opts.refs) await deleteRef(repo.root, ref);
      await unregister(repo.commonDir, opts.name);
      throw err;
    }
  }

  /**
   * A directory private to this sandbox, outside the worktree (never in a patch), removed with it
   * (created by whoever needs it): for what a fixer needs to verify its fix, such as a package
   * installed to check an added dependency.
   */
  get scratchDir(): string {
    return path.join(this.home, 'scratch');
  }

  /** The commit attempts start from: the snapshot, plus fixes already verified in this run. */
  get base(): string {
    return this.currentBase;
  }

  private pathspecs(): string[] {
    this.specs ??= [...excludePathspecs([...this.opts.exclude, ...this.linked]), ...dependencyExcludes(this.opts.linkDirs)];
    return this.specs;
  }

  /** Something (a fixer, a test run) may have changed the worktree: the next reset() really resets. */
  touch(): void {
    if (this.state === 'clean') this.state = 'maybe';
  }

  /**
   * After a fixer that answered without a candidate: one status call tells whether it left anything
   * behind; if not, the next reset() is skipped.
   */
  async settle(): Promise<void> {
    if (this.state !== 'maybe') return;
    // v2 with --branch also names HEAD's commit, so one call covers a fixer that moved HEAD (bisect).
    const entries = (await git(this.dir, ['status', '--porcelain=v2', '--branch', '-z', '--untracked-files=all', '--', ...this.pathspecs()])).split('\0').filter(Boolean);
    const head = entries.find((e) => e.startsWith('# branch.oid '))?.slice('# branch.oid '.length);
    this.state = head === this.currentBase && entries.every((e) => e.startsWith('# ')) && !(await this.deps.changed()) ? 'clean' : 'dirty';
  }

  /** Back to `base`: tracked files restored, untracked leftovers removed, linked deps and ignored caches kept. */
  async reset(): Promise<void> {
    await this.settle(); // tests and answers without a candidate usually leave nothing behind: one call to know
    if (this.state === 'clean') return;
    await git(this.dir, ['reset', '-q', '--hard', this.currentBase]);
    const keep = [...this.linked, ...this.opts.exclude].flatMap((p) => ['-e', `/${p}`]);
    await git(this.dir, ['clean', '-fdq', ...keep]);
    await this.deps.restore();
    this.state = 'clean';
    this.staged = undefined;
  }

  /** Everything changed in the worktree since `base`, as a Patch (undefined when nothing changed). */
  async diff(): Promise<Patch | undefined> {
    this.state = 'dirty';
    await git(this.dir, ['add', '-A', '--', ...this.pathspecs()]);
    const common = ['diff', '--cached', '--no-renames', '--no-color', '--no-ext-diff', this.currentBase];
    // One call: `-z` raw and numstat records, an empty record, then the patch itself (unchanged by -z).
    const both = await git(this.dir, [...common, '--binary', '--full-index', '--raw', '--numstat', '-z']);
    if (both.trim() === '') return undefined;
    const cut = both.indexOf('\0\0diff --git ');
    const [records, text] = cut >= 0 ? [both.slice(0, cut + 1), both.slice(cut + 2)] : [both, await git(this.dir, [...common, '--binary', '--full-index'])];
    if (text.trim() === '') return undefined;
    const patch = buildPatch(text, records);
    // The index now holds exactly base + this patch: remember its tree, so keeping the patch is one commit.
    if (patch) this.trees.set(patch.hash, (await git(this.dir, ['write-tree'])).trim());
    this.staged = patch?.hash;
    return patch;
  }

  /** Makes a verified patch part of the base, so later clusters are healed on top of it. */
  async advance(patch: Patch, message: string): Promise<string> {
    let tree = this.trees.get(patch.hash);
    if (!tree) {
      await this.reset();
      tree = await this.treeWithPatch(patch);
    }
    const commit = (await git(this.dir, ['commit-tree', tree, '-p', this.currentBase, '-m', message], { env: SUTURE_IDENTITY })).trim();
    this.currentBase = commit;
    await this.deps.record(); // a package the patch needed (and its verification had) stays for what follows
    if (this.staged === patch.hash) {
      // The index is the new base's tree and the files hold the patch: moving HEAD is the whole reset,
      // unless the verification's test runs left something behind (the next reset() checks).
      await git(this.dir, ['reset', '-q', '--soft', commit]);
      this.state = 'maybe';
    } else {
      // The next reset() brings HEAD and the files to the new base.
      this.state = 'dirty';
    }
    return commit;
  }

  /** A patch not made in this sandbox: applied to the index at base to get its tree. */
  private async treeWithPatch(patch: Patch): Promise<string> {
    await git(this.dir, ['apply', '--cached', '--binary', '--whitespace=nowarn'], { input: patch.diff.endsWith('\n') ? patch.diff : `${patch.diff}\n` });
    return (await git(this.dir, ['write-tree'])).trim();
  }

  /** Removes the worktree, its directory, this run's refs and its registry entry. */
  async dispose(): Promise<void> {
    await removeWorktree(this.repo.root, this.dir, this.home);
    for (const ref of this.opts.refs) await deleteRef(this.repo.root, ref);
    await unregister(this.repo.commonDir, this.opts.name);
  }
}
