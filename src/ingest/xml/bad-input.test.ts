import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { EmptyReportError } from '../errors.js';
import { junitParser } from '../junit/parser.js';
import { collect } from './collect.js';
import { ReportParseError } from './errors.js';

const EDGE = fileURLToPath(new URL('../../../test/fixtures/reports/xml-edge/', import.meta.url));
const edge = (name: string): string => path.join(EDGE, name);
const ROOT = '/repo';

describe('XML bad input', () => {
  it('yields every test case before a truncation, then names file:line:column where it stopped', async () => {
    for (const chunkSize of [7, 64, 65536]) {
      const r = await collect(junitParser, edge('truncated.xml'), ROOT, { chunkSize });
      expect(r.results.map((x) => [x.name, x.status])).toEqual([
        ['adds', 'passed'],
        ['subtracts', 'failed'],
      ]);
      expect(r.results[1]).toMatchObject({ message: 'expected 2 but was 8', error_class: 'java.lang.AssertionError' });
      expect(r.error).toBeInstanceOf(ReportParseError);
      expect(r.error).toBeInstanceOf(InputError);
      expect(r.error!.code).toBe('E_XML_TRUNCATED');
      expect(r.error!.message).toBe(`${edge('truncated.xml')}:11:32: the document ends inside a CDATA section: the report is truncated`);
      expect(r.error!.position).toEqual({ line: 11, column: 32, offset: fs.statSync(edge('truncated.xml')).size });
      expect(r.totals).toBeUndefined();
    }
  });

  it('reports a bad attribute where it is, after the cases before it', async () => {
    const r = await collect(junitParser, edge('malformed-attribute.xml'), ROOT);
    expect(r.results.map((x) => x.name)).toEqual(['first']);
    expect(r.error!.code).toBe('E_XML_MALFORMED');
    expect(r.error!.message).toBe(`${edge('malformed-attribute.xml')}:4:48: value of attribute time is not quoted`);
  });

  it('reports mismatched tags', async () => {
    const r = await collect(junitParser, edge('mismatched-tags.xml'), ROOT);
    expect(r.results.map((x) => x.name)).toEqual(['ok']);
    expect(r.error!.message).toMatch(/mismatched-tags\.xml:5:32: closing tag <\/error> does not match <failure>$/);
  });

  it.each([
    ['billion-laughs.xml', /billion-laughs\.xml:2:1: the DOCTYPE declares entity "lol": suture never expands or fetches entities$/],
    ['xxe-system.xml', /xxe-system\.xml:2:1: the DOCTYPE declares entity "secret" with an external SYSTEM\/PUBLIC source \(XXE\): suture never expands or fetches entities$/],
    ['xxe-parameter.xml', /xxe-parameter\.xml:2:1: the DOCTYPE declares entity "remote" with an external SYSTEM\/PUBLIC source \(XXE\)/],
  ])('refuses %s before reading anything else', async (file, message) => {
    const r = await collect(junitParser, edge(file), ROOT);
    expect(r.results).toEqual([]);
    expect(r.error!.code).toBe('E_XML_UNSAFE_DTD');
    expect(r.error!.message).toMatch(message);
  });

  it('reads a plain DOCTYPE without fetching it and leaves an undeclared entity as written', async () => {
    const r = await collect(junitParser, edge('doctype-plain.xml'), ROOT);
    expect(r.error).toBeUndefined();
    expect(r.results.map((x) => x.name)).toEqual(['t &unknown; & 😀']);
  });

  it.each([
    ['empty.xml', EmptyReportError, 'E_REPORT_EMPTY', /empty\.xml: the report is empty$/],
    ['whitespace-only.xml', EmptyReportError, 'E_REPORT_EMPTY', /whitespace-only\.xml: the report is empty$/],
    ['binary-junk.xml', ReportParseError, 'E_XML_NOT_XML', /binary-junk\.xml:1:1: binary data, not XML$/],
    ['not-a-report.xml', ReportParseError, 'E_REPORT_NOT_TEST_REPORT', /not-a-report\.xml:2:1: the root element <project> is not a test report suture reads$/],
    ['unsupported-encoding.xml', ReportParseError, 'E_XML_ENCODING', /unsupported-encoding\.xml:1:1: the report declares encoding "EBCDIC-CP-US", which suture cannot read$/],
  ])('%s gets its own clear error', async (file, type, code, message) => {
    const r = await collect(junitParser, edge(file), ROOT);
    expect(r.results).toEqual([]);
    expect(r.error).toBeInstanceOf(type);
    expect(r.error!.code).toBe(code);
    expect(r.error!.message).toMatch(message);
    expect((r.error as InputError).hint).toBeTruthy();
  });

  // utf16-declared-8bit.xml: declared UTF-16, bytes 8-bit (converted on the way, as suture's own detection does).
  it.each(['latin1.xml', 'windows-1252.xml', 'utf16le-bom.xml', 'utf16be-bom.xml', 'bom-utf8.xml', 'utf16-declared-8bit.xml'])('reads %s', async (file) => {
    const r = await collect(junitParser, edge(file), ROOT, { chunkSize: 5 });
    expect(r.error).toBeUndefined();
    expect(r.results).toHaveLength(1);
    expect(r.results[0]).toMatchObject({ name: 'café naïve', test_id: 'enc.Test::café naïve', status: 'failed', stack: 'détail', duration_ms: 500 });
    expect(r.results[0]!.message).toBe(file === 'windows-1252.xml' ? 'attendu “1”' : 'attendu «1»');
  });

  it('reports line and column on a stream without a path (stdin) too', async () => {
    const bytes = fs.readFileSync(edge('malformed-attribute.xml'));
    const chunks = [bytes.subarray(0, 70), bytes.subarray(70, 150), bytes.subarray(150)];
    const results = [];
    let error: ReportParseError | undefined;
    try {
      for await (const x of junitParser.parse(Readable.from(chunks), { repoRoot: ROOT, displayName: '<stdin>' })) results.push(x);
    } catch (err) {
      error = err as ReportParseError;
    }
    expect(results).toHaveLength(1);
    expect(error!.message).toBe('<stdin>:4:48: value of attribute time is not quoted');
  });

  it('streams a 200 MB single-line failure message, keeping only its first 16,000 characters', async () => {
    const piece = Buffer.alloc(1 << 20, 'x');
    function* document(): Generator<Buffer> {
      yield Buffer.from('<testsuite name="big"><testcase classname="big.Test" name="huge"><failure message="m">');
      for (let i = 0; i < 200; i++) yield piece;
      yield Buffer.from('</failure></testcase><testcase classname="big.Test" name="after"/></testsuite>');
    }
    const before = process.memoryUsage().heapUsed;
    const results = [];
    for await (const x of junitParser.parse(Readable.from(document()), { repoRoot: ROOT, displayName: 'big.xml' })) results.push(x);
    expect(results.map((x) => x.name)).toEqual(['huge', 'after']);
    expect(results[0]!.stack!.length).toBe(4000);
    expect(results[0]!.stack!.endsWith('…')).toBe(true);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(32 * 1024 * 1024);
  });

  it('passes a read error through unchanged, after nothing', async () => {
    const r = await collect(junitParser, edge('no-such-file.xml'), ROOT);
    expect(r.results).toEqual([]);
    expect((r.error as NodeJS.ErrnoException).code).toBe('ENOENT');
  });
});
