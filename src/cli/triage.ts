import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../config/load.js';
import { repoId } from '../util/repo-id.js';
import { openStore, storeExists } from '../store/index.js';
import type { Store } from '../store/types.js';
import { runAnalyze } from '../triage/command/analyze-command.js';
import { runPredict } from '../triage/command/predict.js';
import { runTrain } from '../triage/command/train-command.js';
import { runTriage } from '../triage/command/triage-run.js';
import { instant } from './stats.js';
import type { RegisterCommand } from './types.js';

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

interface TriageFlags {
  log?: boolean;
  out?: string;
  json?: boolean;
  totalTests?: number;
  store?: boolean;
  record?: boolean;
  repo?: string;
  root?: string;
}

export const registerTriage: RegisterCommand = (program, setExitCode) => {
  const triage = program
    .command('triage')
    .description('classify failures (stage, category, calibrated confidence), group them by root cause, score risk, print the heal order')
    .argument('[events]', 'NDJSON failure events from `suture ingest` (file, or - for stdin)', '-')
    .option('--log', 'read the input as a raw CI job log instead of events')
    .option('-o, --out <file>', 'also write the annotated events (stage, category, confidence, fingerprint) to FILE')
    .option('--json', 'print events and clusters as JSON')
    .option('--total-tests <n>', 'tests in the run, passed included (makes "most tests failed at once" exact)', positiveInt)
    .option('--no-store', 'do not read test history from the store')
    .option('--record', 'record the events and clusters in the store')
    .option('--repo <name>', 'repository name in the store (default: origin URL, else directory name)')
    .option('--root <dir>', 'repository root (suture.yml, .suture/)', '.')
    .addHelpText('after', '\nExit codes: 0 nothing to heal (no failures, or only flaky ones), 1 clusters to heal, 2 usage, 3 unreadable input.')
    .action(async (input: string, flags: TriageFlags) => {
      const root = path.resolve(flags.root ?? '.');
      const config = await loadConfig(root);
      let store: Store | undefined;
      if (flags.store !== false && storeExists({ root, config }).exists) store = await openStore({ root, config });
      else if (flags.record) store = await openStore({ root, config });
      try {
        const repo = flags.repo ?? (store ? await repoId(root) : undefined);
        const { exitCode } = await runTriage({ input, config, root, stdin: process.stdin, stdout: process.stdout, color: !process.env.NO_COLOR && process.stdout.isTTY === true, ...(flags.log ? { log: true } : {}), ...(flags.out ? { out: path.resolve(flags.out) } : {}), ...(flags.json ? { json: true } : {}), ...(flags.totalTests ? { totalTests: flags.totalTests } : {}), ...(store ? { store } : {}), ...(repo ? { repo } : {}), ...(flags.record ? { record: true } : {}) });
        setExitCode(exitCode);
      } finally {
        await store?.close();
      }
    });

  triage
    .command('train')
    .description('retrain the classifier from labelled examples; prints per-category precision/recall/F1 on a held-out split')
    .option('--data <file>', 'labelled examples, JSONL (default: data/triage/examples.jsonl)')
    .option('--custom <file>', 'seed-style custom patterns, YAML or JSON list of {pattern, category, stage?}')
    .option('-o, --out <file>', 'where to write the model (default: .suture/triage-model.json)')
    .option('--json', 'print the evaluation as JSON')
    .option('--root <dir>', 'repository root', '.')
    .action(async (_flags: unknown, cmd: Command) => {
      // Options shared with `triage` itself (--out, --json, --root) land on the parent unless merged.
      const flags = cmd.optsWithGlobals<{ data?: string; custom?: string; out?: string; json?: boolean; root?: string }>();
      await runTrain({ root: path.resolve(flags.root ?? '.'), stdout: process.stdout, stderr: process.stderr, ...(flags.data ? { data: flags.data } : {}), ...(flags.custom ? { custom: flags.custom } : {}), ...(flags.out ? { out: flags.out } : {}), ...(flags.json ? { json: true } : {}) });
    });

  triage
    .command('predict')
    .description('classify one failure message: stage, category, confidence, root cause, suggested fix')
    .argument('<message>', 'the failure text, or - to read it from stdin')
    .option('--framework <name>', 'the tool that printed it (tsc, pytest, jest, npm, ...)')
    .option('--kind <kind>', 'test, build, typecheck, lint or runtime')
    .option('--class <name>', 'the error class (TypeError, ModuleNotFoundError, ...)')
    .option('--code <code>', 'the tool\'s error code (TS2339, E404, ...)')
    .option('--step <name>', 'the CI step it came from ("Install dependencies")')
    .option('--json', 'print the classification as JSON')
    .option('--root <dir>', 'repository root (for suture.yml triage settings)', '.')
    .action(async (message: string, _flags: unknown, cmd: Command) => {
      const flags = cmd.optsWithGlobals<{ framework?: string; kind?: string; class?: string; code?: string; step?: string; json?: boolean; root?: string }>();
      const root = path.resolve(flags.root ?? '.');
      await runPredict({ message, config: await loadConfig(root), root, stdin: process.stdin, stdout: process.stdout, ...(flags.framework ? { framework: flags.framework } : {}), ...(flags.kind ? { kind: flags.kind } : {}), ...(flags.class ? { errorClass: flags.class } : {}), ...(flags.code ? { errorCode: flags.code } : {}), ...(flags.step ? { step: flags.step } : {}), ...(flags.json ? { json: true } : {}) });
    });

  triage
    .command('analyze')
    .description('trends from failure history: top categories, recurring root causes, flakiest tests (the store, or NDJSON files)')
    .argument('[events...]', 'NDJSON event files to analyse instead of the store')
    .option('--since <when>', 'start of the window: a duration back from now (30d, 2w) or a date', instant)
    .option('--repo <name>', 'only this repository (store only)')
    .option('--top <n>', 'rows per table', positiveInt)
    .option('--json', 'print the trends as JSON')
    .option('--root <dir>', 'repository root', '.')
    .action(async (inputs: string[], _flags: unknown, cmd: Command) => {
      const flags = cmd.optsWithGlobals<{ since?: string; repo?: string; top?: number; json?: boolean; root?: string }>();
      const root = path.resolve(flags.root ?? '.');
      await runAnalyze({ inputs, root, config: await loadConfig(root), stdin: process.stdin, stdout: process.stdout, ...(flags.since ? { since: flags.since } : {}), ...(flags.repo ? { repo: flags.repo } : {}), ...(flags.top ? { top: flags.top } : {}), ...(flags.json ? { json: true } : {}) });
    });
};
