import type { TestResult } from '../../events/index.js';
import { SutureError } from '../../errors.js';
import type { ParseOptions } from '../types.js';

/**
 * Finds why a raw CI job log failed (no structured report) and yields results of the right kind.
 * Owned by the triage work; this signature is the contract `suture ingest --log` calls.
 */
// eslint-disable-next-line require-yield
export async function* extractCiLog(_input: NodeJS.ReadableStream, _opts: ParseOptions & { displayName: string }): AsyncGenerator<TestResult> {
  throw new SutureError('CI log extraction is not available in this build yet', { code: 'E_NOT_IMPLEMENTED' });
}
