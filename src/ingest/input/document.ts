import { ReportTooLargeError } from '../errors.js';

/**
 * Single-document JSON reports (jest, vitest, mocha, RSpec) and saved build logs are read whole, up to
 * this size. Above it the input is refused with a clear error instead of running into V8's ~512 M
 * character string limit or exhausting the heap (JSON.parse of a document costs several times its
 * size: a 200 MB jest report peaked at ~0.9 GB RSS). Streamed formats (JUnit XML, go test -json, TAP,
 * dart) have no such limit.
 */
export const MAX_DOCUMENT_BYTES = 128 * 1024 * 1024;

/** Reads a whole stream as UTF-8 text (BOM removed), refusing more than `limit` bytes. */
export async function readDocument(input: NodeJS.ReadableStream, file: string, what: string, limit = MAX_DOCUMENT_BYTES): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    size += b.length;
    if (size > limit) {
      throw new ReportTooLargeError(file, `${what} is larger than ${Math.round(limit / 1024 / 1024)} MiB`, 'Split the run (e.g. by test file) or use the JUnit reporter, which suture streams at any size.');
    }
    parts.push(b);
  }
  return Buffer.concat(parts, size).toString('utf8').replace(/^\uFEFF/, '');
}
