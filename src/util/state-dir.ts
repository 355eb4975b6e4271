import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const STATE_DIR = '.suture';
const marked = new Set<string>();

/**
 * suture's own state (`.suture/`: the store, reports, patches, task files) must not show up in the
 * user's `git status` or be committed by accident. Like pytest's cache, the directory ignores itself:
 * the first write under it leaves a `.gitignore` of `*` there (kept if the user wrote their own).
 */
export function markStateDir(fileOrDir: string): void {
  const parts = path.resolve(fileOrDir).split(path.sep);
  const at = parts.lastIndexOf(STATE_DIR);
  if (at === -1) return;
  const dir = parts.slice(0, at + 1).join(path.sep) || path.sep;
  if (marked.has(dir)) return;
  try {
    mkdirSync(dir, { recursive: true });
    const ignore = path.join(dir, '.gitignore');
    if (!existsSync(ignore)) writeFileSync(ignore, '# Written by suture: its state and reports stay out of git.\n*\n', { flag: 'wx' });
    marked.add(dir);
  } catch {
    // Best effort: an unwritable directory fails (with a clear error) at the write that needed it.
  }
}
