import type { StatedTotals, TestResult } from '../events/index.js';

/** Report formats suture reads. Detection picks one from content; `--format` overrides. */
export type ReportFormat = string;

export interface ParseOptions {
  /** Absolute repository root: `file` fields are made relative to it, frames outside it are ignored. */
  repoRoot: string;
  /** Force a format instead of detecting it. */
  format?: ReportFormat;
  /** Workspace package dir (repository-relative) stamped on results. */
  package?: string;
  /** Name shown in errors (defaults to the path). */
  displayName?: string;
  /**
   * Go module path (from go.mod), to map package import paths to repository directories in go test
   * output. Without it the mapping is learned from paths the report itself prints.
   */
  goModule?: string;
  /** Called with the totals a report states about itself, when it states them. */
  onTotals?: (totals: StatedTotals) => void;
  /**
   * The file the input stream reads, when there is one. The XML parsers then find an error's line and
   * column by re-reading the file up to it, instead of counting lines in every chunk as it streams.
   */
  sourcePath?: string;
  /**
   * `'count'`: the consumer only counts passing test cases (`suture ingest` without `--all`). Parsers
   * that support it (JUnit) then build no result for a passing case and yield the shared, frozen
   * `COUNTED_PASS` in its place (kind 'test', status 'passed', no id or name), so status and kind
   * counts, and their order, are what every result built would give. Other parsers build every result
   * as always. Default `'build'`.
   */
  passes?: 'build' | 'count';
}

/** What a passing test case yields under `passes: 'count'`: one shared object, only to be counted. */
export const COUNTED_PASS: TestResult = Object.freeze({ kind: 'test', framework: 'counted', test_id: '', status: 'passed' }) as TestResult;

/**
 * One report format. `sniff` looks only at the first bytes so detection is cheap on a 1 GB file;
 * `parse` streams and yields every test case it sees (passes included) as it goes.
 */
export interface ReportParser {
  /** Name used by `--format`: junit, trx, nunit, xunit, jest-json, vitest-json, mocha-json, go-json, go-text, tap, tsc, eslint, ... */
  format: ReportFormat;
  /** Confidence 0..1 that the content starting with `head` (first 64 KiB, decoded as UTF-8) is this format. */
  sniff(head: string, fileName: string): number;
  parse(input: NodeJS.ReadableStream, opts: ParseOptions & { displayName: string }): AsyncGenerator<TestResult>;
}
