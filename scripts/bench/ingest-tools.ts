import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { parseStringPromise } from 'xml2js';
import type * as Facade from '../../src/ingest/index.js';
import type * as JunitParser from '../../src/ingest/junit/parser.js';
import type * as Names from '../../src/ingest/xml/names.js';
import type * as Scanner from '../../src/ingest/xml/scanner.js';

/**
 * suture as users run it: the compiled package in dist/ (what bin/suture.js loads; `npm run
 * bench:ingest` builds it first and passes its path), not the TypeScript sources through a loader.
 */
const dist = process.argv[5] ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');
const load = async <T>(module: string): Promise<T> => (await import(pathToFileURL(path.join(dist, module)).href)) as T;
const { openReport } = await load<typeof Facade>('ingest/index.js');
const { junitParser } = await load<typeof JunitParser>('ingest/junit/parser.js');
const { NameTable } = await load<typeof Names>('ingest/xml/names.js');
const { XmlScanner } = await load<typeof Scanner>('ingest/xml/scanner.js');

/** What a tool saw: test cases and failing ones, so a wrong-but-fast run cannot pass unnoticed. */
export interface Seen {
  cases: number;
  failures: number;
}

/** The tools the benchmark compares, each reading the whole file the way it is meant to be used. */
export const TOOLS: Record<string, (file: string) => Promise<Seen>> = {
  /** Reading the file and nothing else: the ceiling. */
  async read(file) {
    let bytes = 0;
    for await (const chunk of fs.createReadStream(file)) bytes += (chunk as Buffer).length;
    return { cases: bytes > 0 ? 0 : -1, failures: 0 };
  },

  /**
   * suture as `suture ingest --all` runs it: the facade opens the file (detecting the format), the
   * JUnit parser builds every TestResult (ids, locations, messages, stacks, repro commands), and the
   * results are taken a batch at a time.
   */
  suture: (file) => sutureIngest(file, 'build'),

  /**
   * What `suture ingest` does by default (without --all, it writes only failures): the same, but
   * passing cases are only counted (`passes: 'count'`), not built. Failures are built as above.
   */
  'suture-failures': (file) => sutureIngest(file, 'count'),

  /** The same through the ReportParser's per-result async iterator (one settled promise per result). */
  async 'suture-iter'(file) {
    const seen = { cases: 0, failures: 0 };
    for await (const r of junitParser.parse(fs.createReadStream(file), { repoRoot: '/home/ci/repo', displayName: file })) {
      seen.cases++;
      if (r.status === 'failed' || r.status === 'errored') seen.failures++;
    }
    return seen;
  },

  /**
   * suture's XML layer alone (the byte scanner) doing what the saxes row does: count test cases and
   * failures and take the failures' text. No results are built: this isolates the parser from the
   * product work on top of it.
   */
  async 'suture-scan'(file) {
    const seen = { cases: 0, failures: 0 };
    let text = 0;
    const names = new NameTable(['testcase', 'failure']);
    const scanner: Scanner.XmlScanner = new XmlScanner(
      {
        onOpen(tag) {
          if (tag.nameId === 0) seen.cases++;
          else if (tag.nameId === 1) {
            seen.failures++;
            scanner.wantText = !tag.selfClosing;
          }
        },
        onClose(id) {
          if (id === 1) scanner.wantText = false;
        },
        onText(_buf, start, end) {
          text += end - start;
        },
      },
      names,
    );
    for await (const chunk of fs.createReadStream(file)) scanner.write(chunk as Buffer);
    scanner.end();
    return seen;
  },

  /**
   * saxes doing a minimal version of suture's job: one result object per test case with its name,
   * classname, duration, status, and the failure's message and text. A lower bound for an ingester
   * built on saxes (no ids, locations, dialects or repro commands).
   */
  async 'saxes+results'(file) {
    const seen = { cases: 0, failures: 0 };
    const parser = new SaxesParser();
    let current: { name: string; classname: string; time: number; status: string; message?: string; stack?: string } | undefined;
    let capture: string[] | undefined;
    parser.on('opentag', (tag) => {
      const a = tag.attributes as Record<string, string>;
      if (tag.name === 'testcase') current = { name: a.name ?? '', classname: a.classname ?? '', time: Number(a.time), status: 'passed' };
      else if (tag.name === 'failure' && current) {
        current.status = 'failed';
        current.message = a.message;
        capture = [];
      }
    });
    parser.on('cdata', (t) => capture?.push(t));
    parser.on('text', (t) => capture?.push(t));
    parser.on('closetag', (tag) => {
      if (tag.name === 'failure' && current && capture) {
        current.stack = capture.join('').slice(0, 4000);
        capture = undefined;
      } else if (tag.name === 'testcase' && current) {
        seen.cases++;
        if (current.status === 'failed') seen.failures++;
        current = undefined;
      }
    });
    const stream = fs.createReadStream(file, { encoding: 'utf8' });
    for await (const chunk of stream) parser.write(chunk as string);
    parser.close();
    return seen;
  },

  /** saxes, a conforming streaming SAX parser, counting elements (less work than suture does). */
  async saxes(file) {
    const seen = { cases: 0, failures: 0 };
    const parser = new SaxesParser();
    let text = 0;
    parser.on('opentag', (tag) => {
      if (tag.name === 'testcase') seen.cases++;
      else if (tag.name === 'failure') seen.failures++;
    });
    parser.on('cdata', (t) => (text += t.length));
    parser.on('text', (t) => (text += t.length));
    const stream = fs.createReadStream(file, { encoding: 'utf8' });
    for await (const chunk of stream) parser.write(chunk as string);
    parser.close();
    return seen;
  },

  /** fast-xml-parser builds the whole document tree from the whole file as one string. */
  async 'fast-xml-parser'(file) {
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(fs.readFileSync(file, 'utf8'));
    return countTree(doc.testsuites?.testsuite ?? [], (c) => c.failure !== undefined);
  },

  /** xml2js, what popular report-publishing actions use: a whole-document tree as well. */
  async xml2js(file) {
    const doc = await parseStringPromise(fs.readFileSync(file, 'utf8'));
    return countTree(doc.testsuites?.testsuite ?? [], (c) => c.failure !== undefined);
  },
};

async function sutureIngest(file: string, passes: 'build' | 'count'): Promise<Seen> {
  const seen = { cases: 0, failures: 0 };
  const opened = await openReport(file, { repoRoot: '/home/ci/repo', displayName: file, passes });
  for await (const batch of opened.batches()) {
    for (const r of batch) {
      seen.cases++;
      if (r.status === 'failed' || r.status === 'errored') seen.failures++;
    }
  }
  return seen;
}

function countTree(suites: Array<{ testcase?: unknown[] }>, failed: (c: Record<string, unknown>) => boolean): Seen {
  const seen = { cases: 0, failures: 0 };
  for (const s of suites) {
    for (const c of (s.testcase ?? []) as Record<string, unknown>[]) {
      seen.cases++;
      if (failed(c)) seen.failures++;
    }
  }
  return seen;
}

/** Child-process entry: `ingest-tools <tool> <file> <reps> [dist dir]` prints one JSON line. */
async function main(): Promise<void> {
  const [tool, file, repsText] = process.argv.slice(2);
  const run = TOOLS[tool!];
  if (!run || !file) throw new Error('usage: ingest-tools <tool> <file> <reps> [dist dir]');
  const times: number[] = [];
  let seen: Seen = { cases: 0, failures: 0 };
  for (let i = 0; i < Number(repsText ?? 1); i++) {
    const t0 = process.hrtime.bigint();
    seen = await run(file);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  // maxRSS is in KiB on Linux: the peak of this process, which ran only this tool.
  process.stdout.write(JSON.stringify({ tool, times, seen, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) await main();
