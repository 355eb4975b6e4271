import path from 'node:path';
import { rerootForeign } from './foreign-root.js';

/**
 * Makes a path repository-relative with forward slashes. Accepts absolute paths, `file://` URLs and
 * already-relative paths (normalised). Returns undefined for a path outside the repository, since a
 * `file` field must point at something a fixer could open. An absolute path from another machine's
 * checkout is mapped into this one when its tail names a file here (see foreign-root.ts).
 */
export function repoRelative(file: string, repoRoot: string): string | undefined {
  let p = file.trim();
  if (p === '') return undefined;
  if (p.startsWith('file://')) {
    try {
      p = decodeURIComponent(new URL(p).pathname);
    } catch {
      return undefined;
    }
  }
  p = p.replace(/\\/g, '/');
  const root = repoRoot.replace(/\\/g, '/').replace(/\/+$/, '');
  if (/^([A-Za-z]:)?\//.test(p)) {
    const abs = path.posix.normalize(p);
    const rel = path.posix.relative(root, abs);
    if (rel === '' || path.posix.isAbsolute(rel)) return undefined;
    if (rel.startsWith('..')) return /^[A-Za-z]:/.test(abs) || !path.posix.isAbsolute(root) ? undefined : rerootForeign(abs, root);
    return rel;
  }
  const norm = path.posix.normalize(p).replace(/^\.\//, '');
  if (norm.startsWith('..')) return undefined;
  return norm;
}
