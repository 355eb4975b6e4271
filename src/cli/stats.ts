import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import { loadConfig } from '../config/load.js';
import { emptyMetrics, isoBefore, storeExists, withStore } from '../store/index.js';
import { formatEmpty, formatStats, isEmptyWindow } from '../store/render/stats-text.js';
import type { RegisterCommand } from './types.js';

interface StatsFlags {
  since?: string;
  until?: string;
  repo?: string;
  json?: boolean;
}

/** "30d" (a duration back from now) or an ISO date/instant. */
export function instant(value: string): string {
  if (/^\d+(\.\d+)?\s*[mhdw]$/i.test(value.trim())) return isoBefore(value);
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new InvalidArgumentError('expected a duration (30d, 12h, 2w) or a date (2026-03-01)');
  return new Date(ms).toISOString();
}

export const registerStats: RegisterCommand = (program) => {
  program
    .command('stats')
    .description('the loop\'s metrics from recorded history: time to fix, success rates, escalations, flakiness, cost')
    .argument('[dir]', 'repository root (where suture.yml and .suture/ live)', '.')
    .option('--since <when>', 'start of the window: a duration back from now (30d, 12h, 2w) or a date (default: 30d)', instant)
    .option('--until <when>', 'end of the window (default: now)', instant)
    .option('--repo <name>', 'only this repository (as recorded, e.g. owner/name)')
    .option('--json', 'print the metrics as JSON')
    .action(async (dir: string, flags: StatsFlags) => {
      const root = path.resolve(dir);
      const since = flags.since ?? isoBefore('30d');
      const until = flags.until;
      const opts = { root, config: await loadConfig(root) };
      const where = storeExists(opts);
      const query = { since, ...(until ? { until } : {}), ...(flags.repo ? { repo: flags.repo } : {}) };
      if (!where.exists) {
        if (flags.json) return void process.stdout.write(`${JSON.stringify(await emptyMetrics(query), null, 2)}\n`);
        process.stdout.write(`No history yet: there is no ${where.kind} store at ${where.location}.\nRuns recorded by 'suture run' and 'suture heal' create it.\n`);
        return;
      }
      await withStore(opts, async (store) => {
        const m = await store.metrics(query);
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(m, null, 2)}\n`);
          return;
        }
        const header = { kind: store.kind, location: store.location };
        if (isEmptyWindow(m)) {
          const rows = (await store.info()).rows;
          process.stdout.write(formatEmpty(m, header, Object.values(rows).every((n) => n === 0)));
          return;
        }
        const width = Math.max(20, Math.min(60, (process.stdout.columns ?? 100) - 40));
        process.stdout.write(formatStats(m, header, width));
      });
    });
};
