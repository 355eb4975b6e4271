import { createHash } from 'node:crypto';
import { parsePatch, type StructuredPatch } from 'diff';
import { InputError } from '../../errors.js';
import type { Patch, PatchFile } from '../../events/index.js';

/** One added or removed line: `line` is 1-based in the new file (added) or the old file (removed). */
export interface DiffLine {
  line: number;
  text: string;
}

/** A file the diff touches, with its changed lines; what every rule starts from. */
export interface ChangedFile {
  /** Path after the change (the old path for a deletion), repo-relative with forward slashes. */
  path: string;
  oldPath?: string;
  status: PatchFile['status'];
  binary: boolean;
  added: DiffLine[];
  removed: DiffLine[];
  /** Head line numbers right after which base lines were removed (where a deletion "sits" in the head). */
  deletedAt: number[];
  /** The parsed hunks, for applying the change to content. */
  structured: StructuredPatch;
}

const DEV_NULL = '/dev/null';

function cleanName(name: string | undefined, git: boolean): string | undefined {
  if (name === undefined || name === DEV_NULL || name === '') return undefined;
  let n = name;
  if (git || /^[ab]\//.test(n)) n = n.replace(/^[ab]\//, '');
  return n.replace(/\\/g, '/').replace(/^\.\//, '');
}

/** Parses a unified diff (git's or plain `diff -u`). Throws InputError when the text is not a diff. */
export function parseDiff(diff: string): ChangedFile[] {
  if (diff.trim() === '') return [];
  let parsed: StructuredPatch[];
  try {
    parsed = parsePatch(diff);
  } catch (err) {
    throw new InputError(`the patch is not a valid unified diff: ${(err as Error).message}`, {
      code: 'E_PATCH_PARSE',
      hint: 'Give the output of `git diff` or `diff -u` (check that hunk headers match their line counts).',
      cause: err,
    });
  }
  const files: ChangedFile[] = [];
  for (const p of parsed) {
    const git = p.isGit === true;
    const oldName = p.isCreate ? undefined : cleanName(p.oldFileName, git);
    const newName = p.isDelete ? undefined : cleanName(p.newFileName, git);
    const path = newName ?? oldName;
    if (path === undefined) continue;
    const status: PatchFile['status'] =
      p.isCreate || oldName === undefined ? 'added' : p.isDelete || newName === undefined ? 'deleted' : p.isRename || (oldName !== newName && !p.isCopy) ? 'renamed' : 'modified';
    const added: DiffLine[] = [];
    const removed: DiffLine[] = [];
    const deletedAt: number[] = [];
    for (const h of p.hunks) {
      let oldLine = h.oldStart;
      let newLine = h.newStart;
      for (const l of h.lines) {
        const c = l[0];
        if (c === '+') added.push({ line: newLine++, text: l.slice(1) });
        else if (c === '-') {
          removed.push({ line: oldLine++, text: l.slice(1) });
          if (deletedAt[deletedAt.length - 1] !== newLine) deletedAt.push(newLine);
        }
        else if (c === ' ' || l === '') {
          oldLine++;
          newLine++;
        }
      }
    }
    const f: ChangedFile = { path, status, binary: p.isBinary === true, added, removed, deletedAt, structured: p };
    if (status === 'renamed' && oldName !== undefined) f.oldPath = oldName;
    if (status === 'deleted' && oldName !== undefined) f.path = oldName;
    files.push(f);
  }
  if (files.length === 0 && /\S/.test(diff)) {
    throw new InputError('the patch contains no file changes (no ---/+++ or diff --git headers)', {
      code: 'E_PATCH_EMPTY',
      hint: 'Give the output of `git diff` or `diff -u`.',
    });
  }
  return files;
}

export function hashDiff(diff: string): string {
  return createHash('sha256').update(diff).digest('hex');
}

/** The canonical Patch for a diff (the shape the heal loop passes around). */
export function toPatch(diff: string, files: ChangedFile[] = parseDiff(diff)): Patch {
  const pfiles: PatchFile[] = files.map((f) => {
    const pf: PatchFile = { path: f.path, status: f.status, linesAdded: f.added.length, linesRemoved: f.removed.length };
    if (f.oldPath !== undefined) pf.oldPath = f.oldPath;
    return pf;
  });
  return {
    hash: hashDiff(diff),
    diff,
    files: pfiles,
    linesAdded: pfiles.reduce((n, f) => n + f.linesAdded, 0),
    linesRemoved: pfiles.reduce((n, f) => n + f.linesRemoved, 0),
  };
}
