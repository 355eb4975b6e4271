import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyPatch, reversePatch } from 'diff';
import type { ChangedFile } from '../diff/parse.js';
import { MAX_CONTENT_BYTES, readBlobs } from './git.js';

export type Side = 'base' | 'head';

/**
 * Where the before/after text of each changed file comes from:
 * - a git revision (`rev`), read in one batch;
 * - the working tree (`worktree`);
 * - `sandbox`: only the diff and a directory that holds either the base state or the already-patched
 *   state (the heal loop's worktree); the diff is applied forwards or backwards to get the other side.
 */
export type SideSource = { kind: 'rev'; rev: string } | { kind: 'worktree' };
export type ContentPlan = { kind: 'sides'; base: SideSource; head: SideSource } | { kind: 'sandbox' };

/** Lazily loaded, cached file text on both sides of a change. undefined = absent, binary or too large. */
export class FileContents {
  private readonly cache = new Map<string, Promise<string | undefined>>();
  private readonly batches = new Map<Side, Promise<Map<string, string | undefined>>>();
  private readonly sandbox = new Map<ChangedFile, Promise<{ base?: string; head?: string }>>();

  constructor(
    private readonly root: string,
    private readonly files: ChangedFile[],
    private readonly plan: ContentPlan,
  ) {}

  /** Starts reading both revisions' blobs at once (two git processes in parallel); reads still await them. */
  prefetch(): void {
    if (this.plan.kind !== 'sides') return;
    for (const side of ['base', 'head'] as const) {
      const src = this.plan[side];
      if (src.kind === 'rev') void this.batch(side, src.rev).catch(() => undefined);
    }
  }

  /** The text of `file` before (base) or after (head) the change. */
  get(side: Side, file: ChangedFile): Promise<string | undefined> {
    if (side === 'base' && file.status === 'added') return Promise.resolve(undefined);
    if (side === 'head' && file.status === 'deleted') return Promise.resolve(undefined);
    if (file.binary) return Promise.resolve(undefined);
    const key = `${side}\0${file.path}`;
    let p = this.cache.get(key);
    if (!p) {
      p = this.load(side, file);
      this.cache.set(key, p);
    }
    return p;
  }

  /**
   * Any repository file on one side, changed or not (OpenAPI specs and the files they `$ref`).
   * In sandbox mode an unchanged file reads the same on both sides.
   */
  async readPath(side: Side, rel: string): Promise<string | undefined> {
    const changed = this.files.find((f) => (side === 'base' ? (f.oldPath ?? f.path) : f.path) === rel);
    if (changed) return this.get(side, changed);
    if (this.plan.kind === 'sandbox') return readText(path.join(this.root, rel));
    const src = this.plan[side];
    if (src.kind === 'worktree') return readText(path.join(this.root, rel));
    return (await readBlobs(this.root, src.rev, [rel])).get(rel);
  }

  private async load(side: Side, file: ChangedFile): Promise<string | undefined> {
    const rel = side === 'base' ? (file.oldPath ?? file.path) : file.path;
    if (this.plan.kind === 'sandbox') return (await this.sandboxPair(file))[side];
    const src = this.plan[side];
    if (src.kind === 'worktree') return readText(path.join(this.root, rel));
    return (await this.batch(side, src.rev)).get(rel);
  }

  private batch(side: Side, rev: string): Promise<Map<string, string | undefined>> {
    let b = this.batches.get(side);
    if (!b) {
      const paths = this.files
        .filter((f) => !f.binary && (side === 'base' ? f.status !== 'added' : f.status !== 'deleted'))
        .map((f) => (side === 'base' ? (f.oldPath ?? f.path) : f.path));
      b = readBlobs(this.root, rev, paths);
      this.batches.set(side, b);
    }
    return b;
  }

  private sandboxPair(file: ChangedFile): Promise<{ base?: string; head?: string }> {
    let p = this.sandbox.get(file);
    if (!p) {
      p = sandboxPair(this.root, file);
      this.sandbox.set(file, p);
    }
    return p;
  }
}

/**
 * Synchronous on purpose: thousands of small files read one after another are latency-bound with
 * promises (open/fstat/read/close each a thread-pool round trip); a sync read is ~20 µs.
 */
async function readText(file: string): Promise<string | undefined> {
  try {
    const buf = readFileSync(file);
    if (buf.length > MAX_CONTENT_BYTES || buf.includes(0)) return undefined;
    return buf.toString('utf8');
  } catch {
    return undefined;
  }
}

/** Works out both sides from the directory and the diff: the directory may hold either of them. */
async function sandboxPair(root: string, file: ChangedFile): Promise<{ base?: string; head?: string }> {
  const onDiskOld = file.status === 'added' ? undefined : await readText(path.join(root, file.oldPath ?? file.path));
  const samePath = file.oldPath === undefined || file.oldPath === file.path;
  const onDiskNew = file.status === 'deleted' ? undefined : samePath && file.status !== 'added' ? onDiskOld : await readText(path.join(root, file.path));
  if (file.status === 'added') {
    if (onDiskNew !== undefined) return { head: onDiskNew };
    const head = applyPatch('', file.structured);
    return head === false ? {} : { head };
  }
  if (file.status === 'deleted') {
    if (onDiskOld !== undefined) return { base: onDiskOld };
    const base = applyPatch('', reversePatch(file.structured));
    return base === false ? {} : { base };
  }
  if (onDiskOld !== undefined) {
    const head = applyPatch(onDiskOld, file.structured);
    if (head !== false && (file.status !== 'renamed' || onDiskNew === undefined)) return { base: onDiskOld, head };
  }
  if (onDiskNew !== undefined) {
    const base = applyPatch(onDiskNew, reversePatch(file.structured));
    if (base !== false) return { base, head: onDiskNew };
  }
  return {};
}
