import path from 'node:path';

/**
 * Makes a path repository-relative with forward slashes. Accepts absolute paths, `file://` URLs and
 * already-relative paths (normalised). Returns undefined for a path outside the repository, since a
 * `file` field must point at something a fixer could open.
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
    const rel = path.posix.relative(root, path.posix.normalize(p));
    if (rel === '' || rel.startsWith('..') || path.posix.isAbsolute(rel)) return undefined;
    return rel;
  }
  const norm = path.posix.normalize(p).replace(/^\.\//, '');
  if (norm.startsWith('..')) return undefined;
  return norm;
}
