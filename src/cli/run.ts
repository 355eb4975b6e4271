import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import { loadConfig } from '../config/load.js';
import { EnvironmentError, ExitCode, UsageError } from '../errors.js';
import { assertDirectory, detectPlan, narrowPlan, runPlan, writeOutcome } from '../runners/index.js';
import { prepareOutDir, environmentProblem } from '../runners/present/run-files.js';
import { createProgressDisplay } from '../runners/present/progress.js';
import { formatSummary } from '../runners/present/summary.js';
import { openRunStore, storeExitCode } from '../store/index.js';
import { loadRepoSecrets, redactTree } from '../secrets/index.js';
import { repoId } from '../util/repo-id.js';
import { recordRunOutcome } from '../runners/run/record.js';
import { gitStamp } from '../runners/run/run-plan.js';
import type { RegisterCommand } from './types.js';

interface RunFlags {
  json?: boolean;
  out: string;
  only?: string[];
  checks: boolean;
  reruns?: number;
  store: boolean;
}

/** The variables suture.yml lets through to test commands, with their current values. */
function passEnv(names: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const n of names) if (process.env[n] !== undefined) env[n] = process.env[n]!;
  return env;
}

/** Relative to the working directory when below it, else absolute. */
function shownPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 20) throw new InvalidArgumentError('expected a whole number from 0 to 20');
  return n;
}

export const registerRun: RegisterCommand = (program, setExitCode) => {
  program
    .command('run')
    .description('run every detected test suite and check, re-run failures to tell flaky from real, write events')
    .argument('[dir]', 'repository root', '.')
    .option('--json', 'print the outcome (totals, commands, events) as JSON on stdout')
    .option('--out <dir>', 'where events.ndjson, run.json, logs and raw reports go', 'reports')
    .option('--only <pkg...>', 'only these packages (directory or package name)')
    .option('--no-checks', 'skip builds, type checks and linters')
    .option('--reruns <n>', 're-runs of each failed test before calling it real (default: suture.yml, else 2)', count)
    .option('--no-store', 'do not record this run in the history store')
    .action(async (dir: string, flags: RunFlags) => {
      const root = path.resolve(dir);
      assertDirectory(root);
      const config = await loadConfig(root);
      await loadRepoSecrets(root, config.secrets);
      const detected = await detectPlan(root, config);
      const plan = narrowPlan(detected, { only: flags.only, noChecks: !flags.checks });
      if (plan.packages.length === 0 && flags.only && narrowPlan(detected, {}).packages.length > 0) {
        throw new UsageError(`--only ${flags.only.join(' ')} matches no package`, {
          code: 'E_UNKNOWN_PACKAGE',
          hint: `Packages here: ${detected.packages.map((p) => p.dir + (p.name ? ` (${p.name})` : '')).join(', ')}.`,
        });
      }
      if (plan.packages.length === 0) {
        throw new EnvironmentError(`nothing to run in ${root}${flags.only ? ` for --only ${flags.only.join(' ')}` : ''}: no test framework or check was detected`, {
          code: 'E_NOTHING_TO_RUN',
          hint: 'Run `suture detect` to see what is found; add runners.commands to suture.yml for tools suture does not know.',
        });
      }
      const outDir = path.resolve(flags.out);
      const rawDir = prepareOutDir(outDir);
      const live = Boolean(process.stderr.isTTY) && !process.env.CI;
      const display = createProgressDisplay(process.stderr, live);
      const abort = new AbortController();
      const onSigint = () => abort.abort();
      process.once('SIGINT', onSigint);
      let outcome;
      try {
        outcome = await runPlan(plan, {
          runId: randomUUID(),
          outDir: rawDir,
          signal: abort.signal,
          onProgress: (p) => display.onProgress(p),
          flakyReruns: flags.reruns ?? config.runners.flaky_reruns,
          timeoutMs: config.runners.timeout_seconds * 1000,
          env: passEnv(config.runners.pass_env),
        });
      } finally {
        display.stop();
        process.removeListener('SIGINT', onSigint);
      }
      // Logs and raw reports are the tools' own output: secrets they printed are redacted before anyone reads them.
      await redactTree(rawDir);
      const { eventsPath } = writeOutcome(outcome, outDir);
      let exitAfterStore: (code: number) => number = (code) => code;
      if (flags.store) {
        // History is best effort: a store failure is reported once and the run's files are still written.
        const store = await openRunStore({ root, config });
        try {
          await recordRunOutcome(store, await repoId(root), outcome, gitStamp(root));
        } finally {
          await store.close().catch(() => undefined);
        }
        exitAfterStore = (code) => storeExitCode(store, code);
      }
      if (flags.json) {
        const { results: _r, ...rest } = outcome;
        process.stdout.write(`${JSON.stringify({ ...rest, eventsPath }, null, 2)}\n`);
      } else process.stdout.write(formatSummary(outcome, shownPath(eventsPath)));
      const envProblem = environmentProblem(plan, outcome);
      if (abort.signal.aborted) setExitCode(ExitCode.INTERRUPTED);
      else if (envProblem) {
        process.stderr.write(`suture: ${envProblem}\n`);
        setExitCode(ExitCode.ENVIRONMENT);
      } else setExitCode(exitAfterStore(outcome.events.some((e) => e.status !== 'flaky') ? ExitCode.FAILURES : ExitCode.OK));
    });
};
