import { SutureError } from '../../errors.js';
import { execTool, type ExecResult } from './exec.js';

/**
 * git for the fixers, with its exit code (simple-git treats a silent non-zero exit as success, and
 * `merge-base --is-ancestor` / `rev-parse --quiet` answer only through it). Hooks are disabled so a
 * checkout in a sandbox never runs the user's post-checkout hook.
 */
export function gitRun(dir: string, args: string[], opts: { input?: string; signal?: AbortSignal; env?: Record<string, string> } = {}): Promise<ExecResult> {
  return execTool('git', ['-c', 'core.hooksPath=/dev/null', ...args], { cwd: dir, input: opts.input, signal: opts.signal, env: opts.env, timeoutMs: 300_000 });
}

/** stdout of a git command that must succeed. */
export async function gitOut(dir: string, args: string[], opts: { input?: string; signal?: AbortSignal } = {}): Promise<string> {
  const r = await gitRun(dir, args, opts);
  if (r.code !== 0) throw new SutureError(`git ${args[0]} failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-2).join(' ')}`, { code: 'E_GIT' });
  return r.stdout;
}
