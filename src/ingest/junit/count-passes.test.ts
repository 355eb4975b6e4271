/**
 * `passes: 'count'` (what `suture ingest` asks for without --all): every XML fixture in the repository
 * gives the same sequence as with every result built, except that each passing case is the shared
 * COUNTED_PASS, and every other result (failures, skips, flaky, suite errors) is built the same.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { TestResult } from '../../events/index.js';
import { COUNTED_PASS, openReport } from '../index.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'suture-count-passes-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function xmlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith('.xml')).map((e) => path.join(e.parentPath, e.name)).sort();
}

async function read(file: string, passes: 'build' | 'count'): Promise<{ results: TestResult[]; error?: string }> {
  const results: TestResult[] = [];
  try {
    const opened = await openReport(file, { repoRoot: path.dirname(file), displayName: file, passes });
    for await (const batch of opened.batches()) results.push(...batch);
  } catch (err) {
    return { results, error: String((err as Error).message) };
  }
  return { results };
}

async function expectSame(file: string): Promise<number> {
  const built = await read(file, 'build');
  const counted = await read(file, 'count');
  expect(counted.error).toBe(built.error);
  expect(counted.results.length).toBe(built.results.length);
  let passes = 0;
  counted.results.forEach((r, i) => {
    const b = built.results[i]!;
    if (r === COUNTED_PASS) {
      passes++;
      expect([b.status, b.kind]).toEqual(['passed', 'test']);
    } else expect(r).toEqual(b);
  });
  return passes;
}

describe("passes: 'count'", () => {
  const files = xmlFiles(FIXTURES);

  it('finds the XML fixtures', () => {
    expect(files.length).toBeGreaterThan(200);
  });

  it('gives every fixture the same results, passing cases counted', async () => {
    let counted = 0;
    for (const file of files) counted += await expectSame(file);
    // Most fixtures' passes are counted (pytest and go ones are not: a repeat there may be a re-run).
    expect(counted).toBeGreaterThan(500);
  });

  it("gives a vitest report like the benchmark's the same results", async () => {
    // scripts/bench/ingest-report.ts's shape: self-closing passes, skips, failures with `❯` stacks.
    const file = path.join(tmp, 'bench.xml');
    let xml = '<?xml version="1.0" encoding="UTF-8" ?>\n<testsuites name="vitest tests" tests="600">\n';
    for (let s = 0; s < 6; s++) {
      const f = `src/m${s}/f${s}.test.ts`;
      xml += `  <testsuite name="${f}" tests="100">\n`;
      for (let c = 0; c < 100; c++) {
        const i = s * 100 + c;
        const name = c % 7 === 3 ? `case ${c}` : `f${s} &gt; case ${c}`;
        if (i % 10 === 0) xml += `    <testcase classname="${f}" name="${name}" time="0.01">\n      <failure message="expected ${i}" type="AssertionError"><![CDATA[AssertionError: expected ${i}\n\n ❯ ${f}:${20 + c}:17\n    at runTest (/repo/node_modules/x/index.js:1:2)]]></failure>\n    </testcase>\n`;
        else if (i % 97 === 1) xml += `    <testcase classname="${f}" name="${name}" time="0">\n      <skipped/>\n    </testcase>\n`;
        else xml += `    <testcase classname="${f}" name="${name}" time="0.00${i % 9}"/>\n`;
      }
      xml += '  </testsuite>\n';
    }
    fs.writeFileSync(file, xml + '</testsuites>\n');
    expect(await expectSame(file)).toBe(600 - 60 - 7); // 60 failures, 7 skipped (i % 97 === 1)
  });
});
