import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { NdjsonWriter, readEvents, readLines } from './ndjson.js';

const ev = { v: 1, kind: 'test', run_id: 'r', ts: '2026-01-01T00:00:00.000Z', framework: 'jest', test_id: 'a', message: 'm', status: 'failed' };

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('NDJSON', () => {
  it('round-trips events through the writer and reader', async () => {
    const stream = new PassThrough();
    const w = new NdjsonWriter(stream);
    await w.writeAll([ev, { ...ev, test_id: 'b' }]);
    stream.end();
    const back = await collect(readEvents(stream, { source: 'mem' }));
    expect(back.map((e) => e.test_id)).toEqual(['a', 'b']);
    expect(w.count).toBe(2);
  });

  it('splits lines across chunk boundaries, handles CRLF and a missing final newline', async () => {
    const chunks = ['{"a":', '1}\r\n{"b"', ':2}\n', '{"c":3}'].map((s) => Buffer.from(s));
    const lines = await collect(readLines(Readable.from(chunks), { source: 'mem' }));
    expect(lines).toEqual([
      { line: '{"a":1}', lineNo: 1 },
      { line: '{"b":2}', lineNo: 2 },
      { line: '{"c":3}', lineNo: 3 },
    ]);
  });

  it('names the line of invalid JSON and of a schema violation', async () => {
    const bad = Readable.from([JSON.stringify(ev) + '\n{oops\n']);
    await expect(collect(readEvents(bad, { source: 'e.ndjson' }))).rejects.toThrow(/e\.ndjson:2: not valid JSON/);
    const invalid = Readable.from([JSON.stringify({ ...ev, status: 'passed' }) + '\n']);
    await expect(collect(readEvents(invalid, { source: 'e.ndjson' }))).rejects.toThrow(/e\.ndjson:1: .*"status"/);
  });

  it('skips the test case records `suture ingest --all` writes among the events', async () => {
    const record = { record: 'test_case', v: 1, kind: 'test', run_id: 'r', ts: ev.ts, framework: 'jest', test_id: 'p', status: 'passed' };
    const mixed = Readable.from([[record, ev, { ...record, status: 'skipped' }, { ...ev, test_id: 'b' }].map((x) => JSON.stringify(x)).join('\n') + '\n']);
    expect((await collect(readEvents(mixed, { source: 'all.ndjson' }))).map((e) => e.test_id)).toEqual(['a', 'b']);
    // Anything else that is not an event is still an error at its line.
    const stray = Readable.from([JSON.stringify(ev) + '\n' + JSON.stringify({ ...ev, record: 1 }) + '\n']);
    await expect(collect(readEvents(stray, { source: 'x.ndjson' }))).rejects.toThrow(/x\.ndjson:2: not a v1 failure event/);
  });

  it('refuses a line over the limit instead of buffering it', async () => {
    const huge = Readable.from([Buffer.alloc(5000, 0x61)]);
    const err = await collect(readLines(huge, { source: 'big', maxLineBytes: 1000 })).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.code).toBe('E_NDJSON_LINE_TOO_LONG');
  });
});
