import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * How the store and reports name a repository: its origin URL without credentials (a token in
 * `https://user:token@host/...` must never reach history or a report), else the directory name.
 */
export async function repoId(root: string): Promise<string> {
  try {
    const { stdout } = await run('git', ['remote', 'get-url', 'origin'], { cwd: root, timeout: 10_000 });
    const url = stripCredentials(stdout.trim());
    if (url) return url;
  } catch {
    /* not a repository, or no origin */
  }
  return path.basename(path.resolve(root));
}

export function stripCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1');
}
