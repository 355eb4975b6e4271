import pc from 'picocolors';
import type { Progress } from '../types.js';

export interface ProgressDisplay {
  onProgress(p: Progress): void;
  /** Clears the live line (call before printing the summary). */
  stop(): void;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
const where = (p: { package: string; id: string }) => `${p.package === '.' ? '.' : p.package} · ${p.id}`;

function endLine(p: Extract<Progress, { type: 'end' }>): string {
  const ok = !p.timedOut && p.failed === 0 && (p.exitCode === 0 || p.what === 'rerun');
  const mark = p.timedOut ? pc.red('⏱') : ok ? pc.green('✓') : pc.red('✗');
  const counts = p.what === 'check' ? (p.failed ? `${p.failed} problem(s)` : 'clean') : `${p.passed} passed, ${p.failed} failed`;
  return `${mark} ${where(p)} ${pc.dim(seconds(p.durationMs))} ${counts}${p.timedOut ? ' (timed out)' : ''}`;
}

/**
 * On a terminal: one line redrawn in place (which package and suite, elapsed time) plus a line per
 * finished command. Elsewhere (pipes, CI=true): plain lines only, one when a command starts and one
 * when it ends, so CI logs stay readable.
 */
export function createProgressDisplay(out: NodeJS.WriteStream, live: boolean): ProgressDisplay {
  let current: { text: string; started: number } | undefined;
  let timer: NodeJS.Timeout | undefined;
  const clear = () => out.write('\r\x1b[2K');
  const draw = () => {
    if (!current) return;
    clear();
    const cols = out.columns ?? 100;
    out.write(`${current.text} ${pc.dim(seconds(Date.now() - current.started))}`.slice(0, cols + 20));
  };
  return {
    onProgress(p) {
      if (p.type === 'start') {
        const text = `${pc.cyan('▶')} [${p.index}/${p.total}] ${where(p)}`;
        if (live) {
          current = { text, started: Date.now() };
          draw();
          timer ??= setInterval(draw, 200);
          timer.unref();
        } else out.write(`${text}: ${p.command}\n`);
        return;
      }
      if (live) clear();
      out.write(`${endLine(p)}\n`);
      current = undefined;
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      if (live && current) clear();
      current = undefined;
    },
  };
}
