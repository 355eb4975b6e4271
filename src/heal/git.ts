import { simpleGit, type SimpleGit } from 'simple-git';
import { childEnv } from '../secrets/env.js';

/**
 * Git variables the sandbox needs to pass on purpose. simple-git's environment guard rejects any
 * GIT_* variable not listed here, which is what we want: nothing ambient leaks into our plumbing.
 */
const ALLOWED_GIT_ENV = [
  'GIT_INDEX_FILE',
  'GIT_AUTHOR_NAME',
  'GIT_AUTHOR_EMAIL',
  'GIT_COMMITTER_NAME',
  'GIT_COMMITTER_EMAIL',
  'GIT_AUTHOR_DATE',
  'GIT_COMMITTER_DATE',
];

/** Identity for suture's own plumbing commits (snapshots, stacked fixes): never the user's commits. */
export const SUTURE_IDENTITY = {
  GIT_AUTHOR_NAME: 'suture',
  GIT_AUTHOR_EMAIL: 'suture@localhost',
  GIT_COMMITTER_NAME: 'suture',
  GIT_COMMITTER_EMAIL: 'suture@localhost',
};

export interface GitRunOptions {
  env?: Record<string, string>;
}

/**
 * Runs git in `cwd` through simple-git with an allowlisted environment (childEnv) and hooks disabled,
 * so a user's post-checkout or commit hooks never run inside suture's plumbing.
 */
export async function git(cwd: string, args: string[], opts: GitRunOptions = {}): Promise<string> {
  const client: SimpleGit = simpleGit({ baseDir: cwd, allowEnvironment: ALLOWED_GIT_ENV, config: ['core.hooksPath=/dev/null'], unsafe: { allowUnsafeHooksPath: true } });
  return client.env(childEnv(opts.env ?? {})).raw(args);
}

/** Like git() but for commands whose own hooks/identity must be the user's (their commit with --commit). */
export async function gitAsUser(cwd: string, args: string[]): Promise<string> {
  const client = simpleGit({ baseDir: cwd, allowEnvironment: ALLOWED_GIT_ENV });
  return client.env(childEnv()).raw(args);
}
