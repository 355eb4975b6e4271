import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { git } from './git.js';

/** A sortable, unique run id: 20261121T100000Z-1a2b3c. */
export function newRunId(now = new Date()): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;
}

/** Short, file-name-safe ids from fingerprints ("fp1:3f9a…" -> "3f9a…"), unique within a run. */
export function clusterIds(fingerprints: string[]): string[] {
  const seen = new Map<string, number>();
  return fingerprints.map((fp) => {
    const base = (fp.replace(/^fp\d*:/, '').toLowerCase().replace(/[^a-z0-9]/g, '') || 'cluster').slice(0, 12);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

/** How the store names this repository: its origin URL when it has one, else the directory name. */
export async function repoId(root: string): Promise<string> {
  try {
    const url = (await git(root, ['remote', 'get-url', 'origin'])).trim();
    if (url) return url;
  } catch {
    /* no origin */
  }
  return path.basename(root);
}
