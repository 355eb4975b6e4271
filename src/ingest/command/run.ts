import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import pc from 'picocolors';
import { NdjsonWriter, toFailureEvent, toTestCaseRecord, type TestResult } from '../../events/index.js';
import { ExitCode, isSutureError, UsageError, type SutureError } from '../../errors.js';
import { extractCiLog, formatNames, openReport } from '../index.js';
import { expandInputs, type IngestInput } from './inputs.js';
import { fileSink, stdoutSink, type EventSink } from './output.js';
import { gitTopLevel, makeStamp } from './stamp.js';
import { renderSummary, SummaryBuilder, type IngestSummary } from './summary.js';

export interface IngestCommandOptions {
  inputs: string[];
  cwd: string;
  out?: string;
  format?: string;
  all?: boolean;
  json?: boolean;
  log?: boolean;
  repoRoot?: string;
  /** Workspace package (repository-relative) the reports were made in. */
  package?: string;
  runId?: string;
  stdin: NodeJS.ReadableStream;
  stdout: Writable;
  stderr: Writable;
  /** Colours on stderr (off when NO_COLOR is set or stderr is not a terminal). */
  color?: boolean;
}

/**
 * `suture ingest`: every input through the facade, failure events (and with --all, test case records)
 * to stdout or --out, a summary on stderr (or stdout with --json). Returns the exit code:
 * 0 no failures, 1 failures found, 3 nothing usable, 5 partial (some input failed; the rest was written).
 */
export async function runIngest(o: IngestCommandOptions): Promise<{ exitCode: number; summary: IngestSummary }> {
  if (o.json && !o.out) throw new UsageError('--json prints the summary on stdout, so the events need --out FILE', { code: 'E_JSON_NEEDS_OUT' });
  if (o.log && o.format) throw new UsageError('--log and --format do not go together: --log reads raw CI logs', { code: 'E_FLAG_CONFLICT' });
  if (o.format && !formatNames().includes(o.format)) throw new UsageError(`unknown format '${o.format}'`, { code: 'E_UNKNOWN_FORMAT', hint: `Formats: ${formatNames().join(', ')}.` });
  const inputs = await expandInputs(o.inputs, o.cwd);
  const outPath = o.out ? path.resolve(o.cwd, o.out) : undefined;
  if (outPath && inputs.some((i) => i.kind === 'file' && i.path === outPath)) throw new UsageError(`--out ${o.out} is also an input`, { code: 'E_OUT_IS_INPUT', hint: 'Write the events to a different file.' });
  const repoRoot = o.repoRoot ? path.resolve(o.cwd, o.repoRoot) : ((await gitTopLevel(o.cwd)) ?? o.cwd);
  const pkg = o.package === undefined ? undefined : packageDir(o.package, repoRoot);
  const stamp = await makeStamp(repoRoot, o.runId);
  const sink: EventSink = outPath ? await fileSink(outPath) : stdoutSink();
  // Without a listener an EPIPE on stdout would be an uncaught 'error' event.
  const onPipeError = (): void => {};
  if (!outPath) o.stdout.on('error', onPipeError);
  const writer = new NdjsonWriter(outPath ? sink.stream : o.stdout);
  const summary = new SummaryBuilder();
  const errors: SutureError[] = [];
  let events = 0;
  let records = 0;
  let consumerGone = false;
  try {
    for (const input of inputs) {
      if (consumerGone) break;
      const file = summary.startFile(input.display);
      try {
        for await (const batch of results(input, o, repoRoot, pkg, (format) => (file.format = format))) {
          for (const r of batch) {
            summary.add(file, r);
            const ev = toFailureEvent(r, stamp);
            if (ev) {
              await writer.write(ev);
              events++;
            } else if (o.all) {
              const rec = toTestCaseRecord(r, stamp);
              if (rec) {
                await writer.write(rec);
                records++;
              }
            }
          }
        }
      } catch (err) {
        // `suture ingest x | head`: the reader closed the pipe; stop quietly, like other CLI tools.
        if ((err as NodeJS.ErrnoException)?.code === 'EPIPE') {
          consumerGone = true;
          continue;
        }
        if (!isSutureError(err)) throw err;
        file.error = { code: err.code, message: err.message };
        errors.push(err);
        printError(o.stderr, err, o.color ?? false);
      }
    }
  } catch (err) {
    await sink.abort();
    throw err;
  }
  const built = summary.build({ run_id: stamp.run_id, events_written: events, records_written: records, out: o.out, exit_code: 0 });
  const nothingUsable = errors.length > 0 && errors.length === inputs.length && built.cases === 0;
  const exitCode = nothingUsable ? errors[0]!.exitCode : errors.length ? ExitCode.PARTIAL : events > 0 ? ExitCode.FAILURES : ExitCode.OK;
  // Nothing usable: leave --out as it was rather than replace it with an empty file.
  if (nothingUsable) await sink.abort();
  else await sink.commit();
  if (!outPath) o.stdout.off('error', onPipeError);
  const final = { ...built, exit_code: exitCode, out: nothingUsable ? undefined : o.out };
  if (o.json) o.stdout.write(`${JSON.stringify(final, null, 2)}\n`);
  else o.stderr.write(renderSummary(final));
  return { exitCode, summary: final };
}

/** `--package`: a repository-relative directory (as results' `package` field holds it), normalised. */
function packageDir(dir: string, repoRoot: string): string | undefined {
  const rel = path.relative(repoRoot, path.resolve(repoRoot, dir)).split(path.sep).join('/');
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UsageError(`--package ${dir} is outside the repository ${repoRoot}`, { code: 'E_PACKAGE_OUTSIDE', hint: 'Give the package directory inside --repo-root (or the git work tree).' });
  return rel === '' ? undefined : rel;
}

/** An input's results, in batches (a loop over a large report costs no promise per result). */
async function* results(input: IngestInput, o: IngestCommandOptions, repoRoot: string, pkg: string | undefined, onFormat: (f: string) => void): AsyncGenerator<TestResult[]> {
  const source = input.kind === 'stdin' ? o.stdin : input.path;
  // Without --all only failures are written and passing cases only counted (by status and kind):
  // the JUnit parser then builds no result for them.
  const opts = { repoRoot, displayName: input.display, format: o.format, package: pkg, passes: o.all ? ('build' as const) : ('count' as const) };
  if (o.log) {
    onFormat('ci-log');
    for await (const r of extractCiLog(typeof source === 'string' ? createReadStream(source) : source, opts)) yield [r];
    return;
  }
  const opened = await openReport(source, opts);
  onFormat(opened.format);
  yield* opened.batches();
}

/** The same one-line form the CLI entry point uses for errors, so every error reads alike. */
function printError(stderr: Writable, err: SutureError, color: boolean): void {
  const c = color ? pc : { red: (s: string) => s, dim: (s: string) => s };
  stderr.write(`${c.red('suture: error')} [${err.code}] ${err.message}\n`);
  if (err.hint) stderr.write(`  ${c.dim('hint:')} ${err.hint}\n`);
}
