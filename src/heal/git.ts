import { execFile } from 'node:child_process';
import { childEnv } from '../secrets/env.js';

/** Identity for suture's own plumbing commits (snapshots, stacked fixes): never the user's commits. */
export const SUTURE_IDENTITY = {
  GIT_AUTHOR_NAME: 'suture',
  GIT_AUTHOR_EMAIL: 'suture@localhost',
  GIT_COMMITTER_NAME: 'suture',
  GIT_COMMITTER_EMAIL: 'suture@localhost',
};

export interface GitRunOptions {
  /** Variables on top of the allowlisted child environment (GIT_INDEX_FILE, an identity). */
  env?: Record<string, string>;
  /** Standard input (a patch for `git apply`), so no temporary file is needed. */
  input?: string;
}

/** A diff of a large generated file can be big; nothing suture asks git for is unbounded. */
const MAX_OUTPUT = 256 * 1024 * 1024;

/**
 * Spawns git directly rather than through simple-git: simple-git waits a fixed 50 ms after every
 * command that prints nothing (its completion plugin), and most sandbox plumbing prints nothing
 * (`add`, `reset -q`, `clean -q`, `apply`): measured 55 ms per call against 4 ms, about a third of
 * suture's own time on a small repository. Same contract as before: stdout on success, an Error whose
 * message is git's stderr on a non-zero exit.
 */
function run(cwd: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', args, { cwd, env, encoding: 'utf8', maxBuffer: MAX_OUTPUT }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && !stderr) return reject(new Error(`spawn git ENOENT: ${err.message}`));
      const text = (stderr || stdout || err.message).trim();
      reject(Object.assign(new Error(text || `git ${args[0]} failed`), { exitCode: typeof code === 'number' ? code : null }));
    });
    child.stdin?.on('error', () => {}); // git may exit before reading all of it; its exit code says why
    child.stdin?.end(input ?? '');
  });
}

/**
 * Runs git in `cwd` with the allowlisted child environment (childEnv: no ambient GIT_* variable
 * leaks into the plumbing) and hooks disabled, so a user's post-checkout or commit hooks never run
 * inside suture's plumbing.
 */
export function git(cwd: string, args: string[], opts: GitRunOptions = {}): Promise<string> {
  return run(cwd, ['-c', 'core.hooksPath=/dev/null', ...args], childEnv(opts.env ?? {}), opts.input);
}

/** Like git() but for commands whose own hooks/identity must be the user's (their commit with --commit). */
export function gitAsUser(cwd: string, args: string[]): Promise<string> {
  return run(cwd, args, childEnv());
}
