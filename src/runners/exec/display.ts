import path from 'node:path';
import { shellJoin, shellQuote } from '../../util/shell.js';
import { resolveOnPath } from './bin.js';

/**
 * How a person would type argv at the repository root: a binary found on PATH by its bare name, one
 * inside the repository relative to the command's directory, anything else absolute; prefixed with
 * `cd <dir> &&` when the command runs in a package below the root. The result can be pasted as-is.
 */
export function displayCommand(argv: string[], cwd: string, root: string, env: Record<string, string> = {}): string {
  const [bin, ...args] = argv;
  let shown = bin ?? '';
  if (path.isAbsolute(shown)) {
    const base = path.basename(shown);
    const rel = path.relative(root, shown);
    if (resolveOnPath(base) === shown) shown = base;
    else if (!rel.startsWith('..') && !path.isAbsolute(rel)) {
      const fromCwd = path.relative(cwd, shown);
      shown = fromCwd.startsWith('.') ? fromCwd : `./${fromCwd}`;
    }
  }
  const envPrefix = Object.entries(env).map(([k, v]) => `${k}=${shellQuote(v)} `).join('');
  // A shell command line (custom commands) is shown as the user wrote it.
  const isShell = (bin === '/bin/sh' || bin === 'sh') && args[0] === '-c' && args.length === 2;
  const line = envPrefix + (isShell ? args[1]! : shellJoin([shown, ...args]));
  const relDir = path.relative(root, cwd);
  return relDir === '' ? line : `cd ${shellQuote(relDir)} && ${line}`;
}
