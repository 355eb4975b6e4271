import { randomBytes } from 'node:crypto';

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

// One definition of a repository's name (origin URL without credentials), shared with `suture run`.
export { repoId } from '../util/repo-id.js';
