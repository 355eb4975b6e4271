import type { ReportParser } from '../types.js';
import { repro } from '../results/repro.js';
import { readJestLike } from '../jest-json/read.js';

/**
 * vitest's `--reporter=json`: jest's shape (testResults / assertionResults) without jest's own keys.
 * Sniffed as "jest-shaped but not jest"; `meta` on each test is vitest's.
 */
export const vitestJson: ReportParser = {
  format: 'vitest-json',
  sniff(head) {
    if (!/"testResults"\s*:/.test(head) || !/"numTotalTests"\s*:/.test(head)) return 0;
    if (/"(numRuntimeErrorTestSuites|openHandles|wasInterrupted|failureDetails|numPassingAsserts)"\s*:/.test(head)) return 0;
    return /"meta"\s*:\s*\{/.test(head) ? 0.95 : 0.8;
  },
  parse: (input, opts) => readJestLike(input, opts, { framework: 'vitest', repro: repro.vitest, reproFile: repro.vitestFile }, 'vitest JSON report'),
};
