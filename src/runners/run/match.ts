import type { TestResult } from '../../events/index.js';
import type { TestRef } from '../types.js';

/**
 * The same test in another run. The id is the contract; the name/suite fallback covers reports that
 * only name a test's file when it fails (node:test's JUnit puts the file in the stack alone), so a
 * passing re-run still finds the test that failed.
 */
export function sameTest(want: TestRef, got: TestResult): boolean {
  if (got.kind !== 'test') return false;
  if (got.test_id === want.test_id) return true;
  if (!want.name || got.name !== want.name || (got.suite ?? '') !== (want.suite ?? '')) return false;
  return !got.file || !want.file || got.file === want.file;
}

export function findTest(want: TestRef, results: TestResult[]): TestResult | undefined {
  return results.find((r) => r.test_id === want.test_id && r.kind === 'test') ?? results.find((r) => sameTest(want, r));
}

export const isFailing = (r: TestResult): boolean => r.status === 'failed' || r.status === 'errored';
