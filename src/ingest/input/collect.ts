import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { StatedTotals, TestResult } from '../../events/index.js';
import type { ParseOptions, ReportParser } from '../types.js';

export interface Collected {
  results: TestResult[];
  totals: StatedTotals[];
  /** The error that stopped the parse, after `results` were yielded. */
  error?: unknown;
}

/** Runs one parser over a file path or a string and gathers everything (tests and small tools). */
export async function collect(parser: ReportParser, source: { path: string } | { text: string }, opts: ParseOptions): Promise<Collected> {
  const input = 'path' in source ? createReadStream(source.path) : Readable.from([Buffer.from(source.text, 'utf8')]);
  const displayName = opts.displayName ?? ('path' in source ? source.path : '<text>');
  const out: Collected = { results: [], totals: [] };
  try {
    for await (const r of parser.parse(input, { ...opts, displayName, onTotals: (t) => out.totals.push(t) })) out.results.push(r);
  } catch (err) {
    out.error = err;
  }
  return out;
}
