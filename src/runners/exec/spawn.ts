import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';

export interface ExecRequest {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** stderr (and stdout, unless `stdoutPath`) go here, in the order the child wrote them. */
  logPath: string;
  /** When set, stdout goes to this file instead of the log (the command's stdout is its report). */
  stdoutPath?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Between SIGTERM and SIGKILL when the command must stop. */
  graceMs?: number;
}

export interface ExecResult {
  exitCode: number | null;
  signal?: string;
  timedOut: boolean;
  aborted: boolean;
  durationMs: number;
  /** The command could not start: ENOENT (not installed), EACCES... */
  spawnError?: NodeJS.ErrnoException;
}

/**
 * Runs one command in its own process group with output going straight to files (no buffering in
 * suture, exact interleaving of stdout and stderr). A timeout or an abort kills the whole tree:
 * SIGTERM to the group, SIGKILL after a grace period. Leftover processes of the group (a server a
 * test forgot) are killed once the command exits, so nothing outlives the run.
 */
export function execCommand(req: ExecRequest): Promise<ExecResult> {
  const started = performance.now();
  const logFd = openSync(req.logPath, 'w');
  const outFd = req.stdoutPath ? openSync(req.stdoutPath, 'w') : logFd;
  const closeFds = () => {
    closeSync(logFd);
    if (outFd !== logFd) closeSync(outFd);
  };
  return new Promise((resolve) => {
    let timedOut = false;
    let aborted = false;
    let killTimer: NodeJS.Timeout | undefined;
    let settled = false;
    const finish = (r: Omit<ExecResult, 'durationMs' | 'timedOut' | 'aborted'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(killTimer);
      req.signal?.removeEventListener('abort', onAbort);
      closeFds();
      resolve({ ...r, timedOut, aborted, durationMs: Math.round(performance.now() - started) });
    };

    const child = spawn(req.argv[0]!, req.argv.slice(1), {
      cwd: req.cwd,
      env: req.env,
      stdio: ['ignore', outFd, logFd],
      detached: true,
    });
    const killGroup = (sig: NodeJS.Signals) => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, sig);
      } catch {
        // The group is already gone.
      }
    };
    const stop = () => {
      killGroup('SIGTERM');
      killTimer = setTimeout(() => killGroup('SIGKILL'), req.graceMs ?? 3000);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, req.timeoutMs);
    const onAbort = () => {
      aborted = true;
      stop();
    };
    if (req.signal?.aborted) onAbort();
    else req.signal?.addEventListener('abort', onAbort, { once: true });

    child.on('error', (err: NodeJS.ErrnoException) => finish({ exitCode: null, spawnError: err }));
    child.on('exit', (code, signal) => {
      killGroup('SIGKILL');
      finish({ exitCode: code, signal: signal ?? undefined });
    });
  });
}
