import fs from 'node:fs';
import type { StatedTotals, TestResult } from '../../events/index.js';
import type { ReportParser } from '../types.js';

export interface Collected {
  results: TestResult[];
  totals: StatedTotals | undefined;
  /** What the parser threw after its last result, if anything. */
  error: (Error & { code?: string; position?: { line?: number; column?: number; offset?: number } }) | undefined;
}

/**
 * Runs a parser over a file to the end and keeps everything it produced, including the error it
 * ended with: for tests and tools that want the whole picture of one report.
 */
export async function collect(parser: ReportParser, file: string, repoRoot: string, extra: { package?: string; chunkSize?: number } = {}): Promise<Collected> {
  const out: Collected = { results: [], totals: undefined, error: undefined };
  const input = fs.createReadStream(file, extra.chunkSize ? { highWaterMark: extra.chunkSize } : {});
  try {
    for await (const r of parser.parse(input, { repoRoot, package: extra.package, displayName: file, onTotals: (t) => (out.totals = t) })) out.results.push(r);
  } catch (err) {
    out.error = err as Collected['error'];
  }
  return out;
}
