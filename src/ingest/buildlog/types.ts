import type { TestResult } from '../../events/index.js';
import type { ParseOptions } from '../types.js';
import type { DiagnosticIds } from '../results/ids.js';

/**
 * Reads the diagnostics of one build, typecheck or lint tool out of its printed output. Extractors
 * are pure: text in, results out (one per error; warnings are not failures and are left out).
 */
export interface BuildLogExtractor {
  /** Also the `--format` name when used as a report parser. */
  format: string;
  /** Tool names (as a runner or user would say them) this extractor reads. */
  tools: string[];
  /** 0..1 that `head` is this tool's output. */
  sniff(head: string): number;
  extract(lines: string[], opts: ParseOptions, ids: DiagnosticIds): TestResult[];
}
