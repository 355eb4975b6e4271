import fs from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { parseStringPromise } from 'xml2js';
import { junitParser } from '../../src/ingest/junit/parser.js';

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

  /** suture's own streaming parser, through its public ReportParser interface. */
  async suture(file) {
    const seen = { cases: 0, failures: 0 };
    for await (const r of junitParser.parse(fs.createReadStream(file), { repoRoot: '/home/ci/repo', displayName: file })) {
      seen.cases++;
      if (r.status === 'failed' || r.status === 'errored') seen.failures++;
    }
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

/** Child-process entry: `ingest-tools.ts <tool> <file> <reps>` prints one JSON line. */
async function main(): Promise<void> {
  const [tool, file, repsText] = process.argv.slice(2);
  const run = TOOLS[tool!];
  if (!run || !file) throw new Error('usage: ingest-tools.ts <tool> <file> <reps>');
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
