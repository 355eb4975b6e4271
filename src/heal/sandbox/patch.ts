import { createHash } from 'node:crypto';
import type { Patch, PatchFile } from '../../events/index.js';

/**
 * Builds the canonical Patch from `git diff` outputs: the diff text and `--raw --numstat -z` (raw
 * records `:<modes> <shas> <status>\0<path>\0`, then numstat records `<added>\t<removed>\t<path>\0`).
 */
export function buildPatch(diff: string, rawNumstatZ: string): Patch | undefined {
  if (diff.trim() === '') return undefined;
  const status = new Map<string, PatchFile['status']>();
  const files: PatchFile[] = [];
  const parts = rawNumstatZ.split('\0');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!.replace(/^\n/, '');
    if (part.startsWith(':')) {
      const code = part.trim().split(' ').pop()!.charAt(0);
      status.set(parts[++i]!, code === 'A' ? 'added' : code === 'D' ? 'deleted' : 'modified');
      continue;
    }
    const m = /^(-|\d+)\t(-|\d+)\t(.+)$/s.exec(part);
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
