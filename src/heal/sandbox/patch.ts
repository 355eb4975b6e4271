import { createHash } from 'node:crypto';
import type { Patch, PatchFile } from '../../events/index.js';

/** Builds the canonical Patch from `git diff` outputs (diff text, --numstat -z, --name-status -z). */
export function buildPatch(diff: string, numstatZ: string, nameStatusZ: string): Patch | undefined {
  if (diff.trim() === '') return undefined;
  const status = new Map<string, PatchFile['status']>();
  const ns = nameStatusZ.split('\0').filter((s) => s !== '');
  for (let i = 0; i + 1 < ns.length; i += 2) {
    const code = ns[i]!.charAt(0);
    status.set(ns[i + 1]!, code === 'A' ? 'added' : code === 'D' ? 'deleted' : 'modified');
  }
  const files: PatchFile[] = [];
  for (const rec of numstatZ.split('\0')) {
    const m = /^(-|\d+)\t(-|\d+)\t(.+)$/s.exec(rec.replace(/^\n/, ''));
    if (!m) continue;
    const [, added, removed, file] = m;
    files.push({
      path: file!,
      status: status.get(file!) ?? 'modified',
      linesAdded: added === '-' ? 0 : Number(added),
      linesRemoved: removed === '-' ? 0 : Number(removed),
    });
  }
  return {
    hash: createHash('sha256').update(diff).digest('hex'),
    diff,
    files,
    linesAdded: files.reduce((n, f) => n + f.linesAdded, 0),
    linesRemoved: files.reduce((n, f) => n + f.linesRemoved, 0),
  };
}

/** Joins patches made one on top of the other (stacked fixes) into one file `git apply` takes. */
export function concatPatches(patches: Patch[]): string {
  return patches.map((p) => (p.diff.endsWith('\n') ? p.diff : `${p.diff}\n`)).join('');
}
