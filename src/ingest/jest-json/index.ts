import type { ReportParser } from '../types.js';
import { repro } from '../results/repro.js';
import { readJestLike } from './read.js';

/** `jest --json` (optionally --outputFile): one JSON document with a testResults array. */
export const jestJson: ReportParser = {
  format: 'jest-json',
  sniff(head) {
    if (!/"testResults"\s*:/.test(head) && !/"numTotalTests"\s*:/.test(head)) return 0;
    // Keys only jest writes (vitest's jest-compatible output has none of them).
    return /"(numRuntimeErrorTestSuites|openHandles|wasInterrupted|failureDetails|numPassingAsserts)"\s*:/.test(head) ? 0.95 : 0;
  },
  parse: (input, opts) => readJestLike(input, opts, { framework: 'jest', repro: repro.jest, reproFile: repro.jestFile }, 'jest JSON report'),
};
