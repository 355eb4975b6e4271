import { readdir, readlink, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { NODE_MODULES_CACHES } from './links.js';

/**
 * What the sandbox's own node_modules directories hold at `base`. A fixer may add a package there
 * to verify a fix (missing-dependency installs one privately and links it in): that package belongs
 * to the attempt, so reset() removes it, unless the patch that needs it became part of the base
 * (advance), after which later attempts and clusters keep it. Tool caches are not tracked.
 */
export class DependencyEntries {
  /** Per owned directory (absolute): entry name -> link target ('' for an entry that is not a link). */
  private readonly base = new Map<string, Map<string, string>>();

  private constructor(private readonly dirs: string[]) {}

  /** `owned`: the real node_modules directories the sandbox made, with the user's directory each mirrors. */
  static async create(worktree: string, owned: Array<{ rel: string; from: string }>): Promise<DependencyEntries> {
    const d = new DependencyEntries(owned.map((o) => path.join(worktree, o.rel)));
    for (const o of owned) {
      const dir = path.join(worktree, o.rel);
      const entries = new Map<string, string>();
      for (const name of await tracked(dir)) entries.set(name, path.join(o.from, name));
      d.base.set(dir, entries);
    }
    return d;
  }

  /** Did anything add or remove a package since the base was recorded? */
  async changed(): Promise<boolean> {
    for (const dir of this.dirs) {
      const now = await tracked(dir);
      const base = this.base.get(dir)!;
      if (now.length !== base.size || now.some((n) => !base.has(n))) return true;
    }
    return false;
  }

  /** Back to the base: packages added since are removed (links only, never what they point to), missing ones linked again. */
  async restore(): Promise<void> {
    for (const dir of this.dirs) {
      const base = this.base.get(dir)!;
      const now = new Set(await tracked(dir));
      for (const name of now) if (!base.has(name)) await rm(path.join(dir, name), { recursive: true, force: true });
      for (const [name, target] of base) if (!now.has(name) && target) await symlink(target, path.join(dir, name));
    }
  }

  /** The current entries become the base (a verified patch that needed them joined the base). */
  async record(): Promise<void> {
    for (const dir of this.dirs) {
      const base = this.base.get(dir)!;
      const next = new Map<string, string>();
      for (const name of await tracked(dir)) next.set(name, base.get(name) ?? (await readlink(path.join(dir, name)).catch(() => '')));
      this.base.set(dir, next);
    }
  }
}

async function tracked(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => !NODE_MODULES_CACHES.has(n));
  } catch {
    return [];
  }
}
