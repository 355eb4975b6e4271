/**
 * The ingest facade: what other stages call. Reports (any registered format, detected from content)
 * and build/typecheck/lint output become TestResults; `toFailureEvent` (src/events) makes events of them.
 */
import { createReadStream } from 'node:fs';
import type { TestResult } from '../events/index.js';
import { isSutureError } from '../errors.js';
import { DiagnosticIds } from './results/ids.js';
import { cleanLines, extractors } from './buildlog/index.js';
import { parsers } from './formats.js';
import { detectFormat, looksBinary } from './detect.js';
import { EmptyReportError, ReportUnreadableError, UnknownFormatError } from './errors.js';
import { peekHead } from './input/head.js';
import type { ParseOptions } from './types.js';

export type { ParseOptions, ReportParser, ReportFormat } from './types.js';
export { COUNTED_PASS } from './types.js';
export { detectFormat, sniffAll, MIN_CONFIDENCE } from './detect.js';
export { parsers } from './formats.js';
export { extractCiLog } from './ci-log/index.js';
export * from './errors.js';

const READ_CHUNK_BYTES = 256 * 1024;

export interface OpenedReport {
  /** The format detected (or forced with opts.format). */
  format: string;
  displayName: string;
  /** Every test case, one at a time. */
  results: AsyncGenerator<TestResult>;
  /**
   * The same results in batches (one per chunk of input for the streamed XML formats; one result per
   * batch elsewhere, so a live stream is never held back): a loop over a 450,000-case report then costs
   * no promise per result. Iterate either this or `results`, not both.
   */
  batches(): AsyncGenerator<TestResult[]>;
}

/** Every registered format name, for help texts and errors. */
export function formatNames(): string[] {
  return parsers.map((p) => p.format);
}

/**
 * Opens a report (a path, or a stream such as stdin), detects its format from the first 64 KiB unless
 * `opts.format` says, and returns the streaming results with the format that was used.
 * Throws EmptyReportError, UnknownFormatError or ReportUnreadableError before any result.
 */
export async function openReport(source: string | NodeJS.ReadableStream, opts: ParseOptions): Promise<OpenedReport> {
  const displayName = opts.displayName ?? (typeof source === 'string' ? source : 'stdin');
  // 256 KiB reads: a large report is read in half the time 64 KiB reads take (1 MiB reads are faster
  // still, but keep more results alive per batch: more garbage collection and memory). Every parser
  // streams, so memory stays a few chunks whatever the file's size.
  const input = typeof source === 'string' ? createReadStream(source, { highWaterMark: READ_CHUNK_BYTES }) : source;
  let peeked;
  try {
    peeked = await peekHead(input);
  } catch (err) {
    throw unreadable(displayName, err);
  }
  if (peeked.empty || peeked.head.trim() === '') {
    peeked.stream.destroy();
    throw new EmptyReportError(displayName);
  }
  let format = opts.format;
  if (format === undefined) {
    format = detectFormat(peeked.head, displayName);
    if (format === undefined) {
      peeked.stream.destroy();
      throw new UnknownFormatError(displayName, formatNames(), looksBinary(peeked.head) ? 'binary data, not a test report or build log' : undefined);
    }
  }
  const parser = parsers.find((p) => p.format === format);
  if (!parser) {
    peeked.stream.destroy();
    throw new UnknownFormatError(displayName, formatNames(), `unknown format '${format}'`);
  }
  // A file read as it is: parsers that need an error's line (XML) re-read the file up to it rather than
  // count lines in every chunk. Not for UTF-16, whose transcoded offsets are not the file's.
  const sourcePath = opts.sourcePath ?? (typeof source === 'string' && !peeked.transcoded ? source : undefined);
  const parsed = parser.parse(peeked.stream, { ...opts, displayName, sourcePath });
  return { format, displayName, results: guard(parsed, displayName), batches: () => guard(batchesOf(parsed), displayName) };
}

/**
 * Streams every test case of a report (passes included). Errors are InputError subclasses naming the
 * file and position, thrown after yielding everything that parsed before the problem.
 */
export async function* parseReport(source: string | NodeJS.ReadableStream, opts: ParseOptions): AsyncGenerator<TestResult> {
  const opened = await openReport(source, opts);
  yield* opened.results;
}

/**
 * Diagnostics from the captured output of a build, typecheck or lint command (the runners stage calls
 * this with a check's output). `tool` picks the extractor (tsc, eslint, npm, node, python, pytest...);
 * unknown or absent, every extractor is tried. `kind`, when given, overrides the extractors' own.
 */
export function extractBuildLog(text: string, opts: ParseOptions & { tool?: string; kind?: 'build' | 'typecheck' | 'lint' }): TestResult[] {
  const lines = cleanLines(text);
  const tool = opts.tool ? toolName(opts.tool) : undefined;
  const named = tool ? extractors.filter((e) => e.tools.includes(tool) || e.format === tool) : [];
  const chosen = named.length ? named : extractors;
  const ids = new DiagnosticIds();
  const out: TestResult[] = [];
  for (const e of chosen) {
    try {
      out.push(...e.extract(lines, { ...opts, displayName: opts.displayName ?? `${opts.tool ?? 'build'} output` }, ids));
    } catch (err) {
      // Output that looked like one tool's JSON but was not: the other extractors still apply.
      if (!isSutureError(err)) throw err;
    }
  }
  if (opts.kind) for (const r of out) r.kind = opts.kind;
  return out;
}

/** "npx tsc", "/usr/bin/python3.11", "eslint.cmd" → tsc, python3, eslint. */
function toolName(tool: string): string {
  const last = tool.trim().split(/\s+/).pop() ?? tool;
  const base = last.split(/[\\/]/).pop()!.toLowerCase().replace(/\.(cmd|exe|bat|js|mjs|cjs)$/, '');
  return base.replace(/^(python3?)(\.\d+)*$/, '$1');
}

function unreadable(displayName: string, err: unknown): Error {
  if (isSutureError(err)) return err;
  const code = (err as NodeJS.ErrnoException)?.code;
  const what =
    code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a report file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `cannot be read (${(err as Error)?.message ?? String(err)})`;
  return new ReportUnreadableError(displayName, what, err);
}

/** A parser's results in batches: its own when it makes them (the XML parsers), else one per result. */
async function* batchesOf(results: AsyncGenerator<TestResult>): AsyncGenerator<TestResult[]> {
  const batched = results as AsyncGenerator<TestResult> & { batches?: () => AsyncGenerator<TestResult[]> };
  if (typeof batched.batches === 'function') {
    yield* batched.batches();
    return;
  }
  for await (const r of results) yield [r];
}

/** Turns I/O errors surfacing mid-stream into the same one-line error; parser bugs stay bugs. */
async function* guard<T>(results: AsyncGenerator<T>, displayName: string): AsyncGenerator<T> {
  try {
    yield* results;
  } catch (err) {
    if (isSutureError(err)) throw err;
    if ((err as NodeJS.ErrnoException)?.code && typeof (err as NodeJS.ErrnoException).syscall === 'string') throw unreadable(displayName, err);
    throw err;
  }
}
