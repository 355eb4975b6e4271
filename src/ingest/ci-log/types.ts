import type { TestResult } from '../../events/index.js';
import type { DiagnosticIds } from '../results/ids.js';
import type { ParseOptions } from '../types.js';

/** What a detector is told about where its lines come from. */
export interface DetectContext {
  /** Paths in the log are made relative to this: the CI workspace when the log names one, else the repo root. */
  opts: ParseOptions & { displayName: string };
  ids: DiagnosticIds;
  /** The CI step (group/section) the lines belong to, e.g. "Run npm test". */
  step?: string;
  /** The command the step ran, when the log shows it. */
  command?: string;
}

/** One cause a detector found: the result, where it is in the chunk, and how sure the detector is that it is a cause. */
export interface Finding {
  result: TestResult;
  /** Index of the first line of the cause in the chunk. */
  line: number;
  /** One past the last line of the block the cause was read from: later detectors do not re-read it. */
  end: number;
  /** 1 = the tool's own failure format (a diagnostic, a failed test); lower = wording that often, not always, is a cause. */
  strength: number;
}

/**
 * One tool's failure output. `sniff` is a cheap test on the whole chunk text so a detector that has
 * nothing to find costs one `includes` or regex; `detect` then reads the chunk's lines.
 */
export interface Detector {
  id: string;
  sniff(text: string): boolean;
  detect(lines: string[], ctx: DetectContext): Finding[];
}
