import type { ReportParser } from '../types.js';
import { readDocument } from '../input/document.js';
import { DiagnosticIds } from '../results/ids.js';
import { cleanLines } from './text.js';
import type { BuildLogExtractor } from './types.js';

/**
 * Lets `suture ingest` read a saved build log like a report (`suture ingest tsc.log`). Logs are read
 * whole, within the same bound as JSON documents, since tracebacks and chained messages span lines.
 */
export function asReportParser(e: BuildLogExtractor): ReportParser {
  return {
    format: e.format,
    sniff: (head) => e.sniff(head),
    async *parse(input, opts) {
      const text = await readDocument(input, opts.displayName, `${e.format} output`);
      yield* e.extract(cleanLines(text), opts, new DiagnosticIds());
    },
  };
}
