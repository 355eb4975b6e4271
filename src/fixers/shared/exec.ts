import { spawn } from 'node:child_process';
import { childEnv } from '../../secrets/env.js';

export interface ExecOptions {
  cwd: string;
  /** Kill the child after this long (default 120 s): a fixer never hangs the loop. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Extra variables on top of `childEnv()` (never the parent's whole environment). */
  env?: Record<string, string>;
  input?: string;
}

export interface ExecResult {
  /** Exit code; null when killed by a signal or timeout. */
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Output beyond this is dropped: a linter that prints megabytes must not exhaust memory. */
const OUTPUT_CAP = 8 * 1024 * 1024;

/**
 * Runs one tool (no shell) with the allowlisted child environment. Resolves with the exit code rather
 * than throwing, because a non-zero exit is normal for linters and test probes; rejects only when the
 * binary cannot be started at all (ENOENT), which callers turn into a clear reason.
 */
export function execTool(cmd: string, args: string[], opts: ExecOptions): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: childEnv(opts.env ?? {}),
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outLen = 0;
    let errLen = 0;
    let timedOut = false;
    const kill = (): void => {
      // Kill the whole process group so a tool's own children (test workers) die with it.
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, opts.timeoutMs ?? 120_000);
    const onAbort = (): void => kill();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (d: Buffer) => {
      if (outLen < OUTPUT_CAP) out.push(d);
      outLen += d.length;
    });
    child.stderr.on('data', (d: Buffer) => {
      if (errLen < OUTPUT_CAP) err.push(d);
      errLen += d.length;
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input ?? '');
  });
}

/** Runs a command line through `sh -c` (only for commands the user typed, such as `bisect --cmd`). */
export function execShell(command: string, opts: ExecOptions): Promise<ExecResult> {
  return execTool('/bin/sh', ['-c', command], opts);
}
