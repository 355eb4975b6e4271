import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execCommand } from './spawn.js';

const dir = mkdtempSync(path.join(tmpdir(), 'suture-exec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { PATH: process.env.PATH };
let n = 0;
const log = () => path.join(dir, `${++n}.log`);

/** Running (a zombie waiting for its reaper counts as dead: it no longer runs). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('execCommand', () => {
  it('keeps the exit code and writes stdout and stderr to the log in order', async () => {
    const logPath = log();
    const r = await execCommand({ argv: ['sh', '-c', 'echo one; echo two >&2; echo three; exit 3'], cwd: dir, env, logPath, timeoutMs: 10_000 });
    expect(r).toMatchObject({ exitCode: 3, timedOut: false, aborted: false });
    expect(readFileSync(logPath, 'utf8')).toBe('one\ntwo\nthree\n');
  });

  it('sends stdout to its own file when asked', async () => {
    const logPath = log();
    const stdoutPath = `${logPath}.out`;
    await execCommand({ argv: ['sh', '-c', 'echo report; echo noise >&2'], cwd: dir, env, logPath, stdoutPath, timeoutMs: 10_000 });
    expect(readFileSync(stdoutPath, 'utf8')).toBe('report\n');
    expect(readFileSync(logPath, 'utf8')).toBe('noise\n');
  });

  it('reports a missing binary as a spawn error, not a throw', async () => {
    const r = await execCommand({ argv: ['suture-no-such-tool-xyz'], cwd: dir, env, logPath: log(), timeoutMs: 10_000 });
    expect(r.exitCode).toBeNull();
    expect(r.spawnError?.code).toBe('ENOENT');
  });

  it('kills the whole process tree on timeout, including a grandchild that ignores SIGTERM', async () => {
    const pidFile = path.join(dir, 'grandchild.pid');
    const started = Date.now();
    const r = await execCommand({
      argv: ['sh', '-c', `sh -c 'trap "" TERM; sleep 30' & echo $! > ${pidFile}; wait`],
      cwd: dir,
      env,
      logPath: log(),
      timeoutMs: 500,
      graceMs: 300,
    });
    expect(r.timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(10_000);
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    await new Promise((res) => setTimeout(res, 300));
    expect(alive(grandchild)).toBe(false);
  });

  it('stops when the signal aborts', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 200);
    const r = await execCommand({ argv: ['sleep', '30'], cwd: dir, env, logPath: log(), timeoutMs: 60_000, signal: ac.signal });
    expect(r).toMatchObject({ aborted: true, timedOut: false });
    expect(r.durationMs).toBeLessThan(10_000);
  });
});
