import type { HealReporter } from '../report/types.js';
import { redactForReport } from '../secrets/report.js';
import type { HealResult } from './types.js';

type Hooks = Required<Omit<HealReporter, 'name' | 'writesFiles' | 'close'>>;

/**
 * Fans one loop event out to every reporter. A reporter that throws never stops the run: its error
 * becomes a warning (the files and the exit code still come out). Reporters get redacted copies
 * (secrets/report.ts): nothing a reporter prints or writes can carry a secret from the test output.
 */
export class HealEmitter {
  constructor(
    private readonly reporters: HealReporter[],
    private readonly onReporterError: (message: string) => void,
  ) {}

  async emit<K extends keyof Hooks>(hook: K, ...args: Parameters<Hooks[K]>): Promise<unknown[]> {
    const out: unknown[] = [];
    const safe = this.reporters.some((r) => r[hook]) ? (args.map((a) => redactForReport(a)) as typeof args) : args;
    for (const r of this.reporters) {
      const fn = r[hook] as ((...a: unknown[]) => unknown) | undefined;
      if (!fn) continue;
      try {
        out.push(await fn.apply(r, safe));
      } catch (err) {
        this.onReporterError(`reporter ${r.name} failed in ${hook}: ${(err as Error).message}`);
      }
    }
    return out;
  }

  /** The final hook: file-writing reporters run first (the map's order) and their paths land in `outputs` before the others print. */
  async runEnd(result: HealResult): Promise<void> {
    const view = redactForReport(result);
    view.outputs = result.outputs;
    for (const r of this.reporters) {
      if (!r.onRunEnd) continue;
      try {
        const written = await r.onRunEnd(view);
        if (Array.isArray(written)) result.outputs.push(...written);
      } catch (err) {
        this.onReporterError(`reporter ${r.name} failed in onRunEnd: ${(err as Error).message}`);
      }
    }
  }

  close(): void {
    for (const r of this.reporters) {
      try {
        r.close?.();
      } catch {
        /* closing a display must not mask the run's own error */
      }
    }
  }
}
