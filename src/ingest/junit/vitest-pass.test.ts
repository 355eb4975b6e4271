import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { TestResult } from '../../events/index.js';
import { junitParser } from './parser.js';

/**
 * Passing vitest cases are built directly from their split names (vitest-names.ts); the others go
 * through buildResult. Both must give the same fields, in the same order (NDJSON output shows it).
 */
async function parse(xml: string, extra: { package?: string } = {}): Promise<TestResult[]> {
  const out: TestResult[] = [];
  for await (const r of junitParser.parse(Readable.from([Buffer.from(xml)]), { repoRoot: '/repo', displayName: 'report.xml', ...extra })) out.push(r);
  return out;
}

const report = (cases: string): string => `<?xml version="1.0"?>\n<testsuites name="vitest tests">\n<testsuite name="src/a.test.ts">\n${cases}\n</testsuite>\n</testsuites>\n`;

describe('passing vitest cases built directly', () => {
  it('give the fields and field order of the general path', async () => {
    const results = await parse(
      report(
        [
          // The first case fixes the dialect and takes the general path; the others are built directly.
          '<testcase classname="src/a.test.ts" name="calc &gt; first" time="0.001"/>',
          '<testcase classname="src/a.test.ts" name="calc &gt; add &gt; adds" time="0.0125"/>',
          '<testcase classname="src/a.test.ts" name="top level" time="0.002"/>',
          '<testcase classname="src/a.test.ts" name="calc &gt; no time"/>',
          '<testcase classname="src/a.test.ts" name="calc &gt; with a line" time="0.003" line="7"/>',
          '<testcase classname="/elsewhere/b.test.ts" name="outside &gt; the repository" time="0.004"/>',
          '<testcase classname="src/a.test.ts" name="src/a.test.ts" time="0.005"/>',
        ].join('\n'),
      ),
    );
    expect(results.map((r) => JSON.stringify(r))).toEqual([
      '{"kind":"test","framework":"vitest","test_id":"src/a.test.ts::calc > first","status":"passed","name":"first","suite":"calc","duration_ms":1,"file":"src/a.test.ts"}',
      '{"kind":"test","framework":"vitest","test_id":"src/a.test.ts::calc > add > adds","status":"passed","name":"adds","suite":"calc > add","duration_ms":12.5,"file":"src/a.test.ts"}',
      '{"kind":"test","framework":"vitest","test_id":"src/a.test.ts::top level","status":"passed","name":"top level","duration_ms":2,"file":"src/a.test.ts"}',
      '{"kind":"test","framework":"vitest","test_id":"src/a.test.ts::calc > no time","status":"passed","name":"no time","suite":"calc","file":"src/a.test.ts"}',
      '{"kind":"test","framework":"vitest","test_id":"src/a.test.ts::calc > with a line","status":"passed","name":"with a line","suite":"calc","duration_ms":3,"file":"src/a.test.ts","line":7}',
      '{"kind":"test","framework":"vitest","test_id":"outside > the repository","status":"passed","name":"the repository","suite":"outside","duration_ms":4}',
      '{"kind":"test","framework":"vitest","test_id":"src/a.test.ts::(test file)","status":"passed","name":"(test file)","duration_ms":5,"file":"src/a.test.ts"}',
    ]);
  });

  it("carry the workspace package (vitest ran in it: paths are the package's)", async () => {
    const results = await parse(report(['<testcase classname="a.test.ts" name="one" time="0.001"/>', '<testcase classname="a.test.ts" name="d &gt; two" time="0.002"/>'].join('\n')), { package: 'pkg' });
    expect(results.map((r) => [r.test_id, r.package, r.file])).toEqual([
      ['pkg/a.test.ts::one', 'pkg', 'pkg/a.test.ts'],
      ['pkg/a.test.ts::d > two', 'pkg', 'pkg/a.test.ts'],
    ]);
    expect(Object.keys(results[1]!)).toEqual(['kind', 'framework', 'test_id', 'status', 'name', 'suite', 'duration_ms', 'package', 'file']);
  });
});
