import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { InputError } from '../errors.js';
import { failureEventSchema, type FailureEvent } from './failure-event.js';

/** A line longer than this is refused rather than buffered: events are small, a 200 MB line is not one. */
export const NDJSON_MAX_LINE_BYTES = 32 * 1024 * 1024;

export interface NdjsonReadOptions {
  /** Shown in errors: a file path or "stdin". */
  source: string;
  maxLineBytes?: number;
}

/** Splits a byte stream into lines without ever holding more than one line (bounded) in memory. */
export async function* readLines(input: Readable, opts: NdjsonReadOptions): AsyncGenerator<{ line: string; lineNo: number }> {
  const max = opts.maxLineBytes ?? NDJSON_MAX_LINE_BYTES;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let lineNo = 0;
  for await (const chunk of input) {
    let buf: Buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    let nl: number;
    while ((nl = buf.indexOf(10)) !== -1) {
      const part = buf.subarray(0, nl);
      lineNo++;
      if (pendingBytes + part.length > max) throw tooLong(opts.source, lineNo, max);
      const line = pending.length ? Buffer.concat([...pending, part]).toString('utf8') : part.toString('utf8');
      pending = [];
      pendingBytes = 0;
      yield { line: line.endsWith('\r') ? line.slice(0, -1) : line, lineNo };
      buf = buf.subarray(nl + 1);
    }
    if (buf.length) {
      pendingBytes += buf.length;
      if (pendingBytes > max) throw tooLong(opts.source, lineNo + 1, max);
      pending.push(Buffer.from(buf));
    }
  }
  if (pendingBytes > 0) yield { line: Buffer.concat(pending).toString('utf8'), lineNo: lineNo + 1 };
}

function tooLong(source: string, lineNo: number, max: number): InputError {
  return new InputError(`${source}:${lineNo}: line is longer than ${max} bytes`, {
    code: 'E_NDJSON_LINE_TOO_LONG',
    hint: 'Each line must be one JSON failure event; check the file is NDJSON.',
  });
}

/**
 * Reads and validates failure events; a bad line stops the read with its line number. Lines with a
 * `record` key are other records sharing the stream and are skipped: `suture ingest --all` writes
 * passed and skipped tests as `"record":"test_case"` lines (TestCaseRecord) among the events.
 */
export async function* readEvents(input: Readable, opts: NdjsonReadOptions): AsyncGenerator<FailureEvent> {
  for await (const { line, lineNo } of readLines(input, opts)) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new InputError(`${opts.source}:${lineNo}: not valid JSON (${(err as Error).message})`, {
        code: 'E_NDJSON_PARSE',
        hint: 'Each line must be one JSON object.',
      });
    }
    if (isOtherRecord(value)) continue;
    const parsed = failureEventSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at "${issue.path.join('.')}"` : '';
      throw new InputError(`${opts.source}:${lineNo}: not a v1 failure event${where}: ${issue?.message ?? 'invalid'}`, {
        code: 'E_EVENT_INVALID',
        hint: 'See schema/failure-event.v1.schema.json for the expected shape.',
      });
    }
    yield parsed.data;
  }
}

/** A TestCaseRecord (or a later record kind): an object whose `record` key no v1 event has. */
function isOtherRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { record?: unknown }).record === 'string';
}

/** Writes one event per line, honouring back-pressure so a slow consumer never balloons memory. */
export class NdjsonWriter {
  #count = 0;
  constructor(private readonly out: Writable) {}

  get count(): number {
    return this.#count;
  }

  async write(value: unknown): Promise<void> {
    this.#count++;
    if (!this.out.write(JSON.stringify(value) + '\n')) await once(this.out, 'drain');
  }

  async writeAll(values: AsyncIterable<unknown> | Iterable<unknown>): Promise<void> {
    for await (const v of values) await this.write(v);
  }
}
