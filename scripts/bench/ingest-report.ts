import fs from 'node:fs';

/** Shape of a generated JUnit report (vitest's dialect: the classname is the test file). */
export interface ReportSpec {
  cases: number;
  /** Every n-th case fails (10 = 10%). */
  failEvery: number;
  casesPerSuite: number;
  /** Approximate size of each failure's body. */
  stackBytes: number;
}

export interface ReportStats {
  bytes: number;
  cases: number;
  failures: number;
  skipped: number;
  avgStackBytes: number;
}

const FRAMES = [
  'node_modules/@vitest/runner/dist/index.js:146:14',
  'node_modules/@vitest/runner/dist/index.js:533:11',
  'node_modules/@vitest/runner/dist/index.js:61:26',
  'node_modules/@vitest/runner/dist/index.js:874:20',
  'node_modules/@vitest/runner/dist/index.js:1047:17',
  'node_modules/@vitest/runner/dist/index.js:1104:16',
  'node_modules/@vitest/runner/dist/index.js:1080:19',
  'node_modules/tinypool/dist/entry/process.js:92:11',
];

/** A vitest-style failure body of about `bytes`: message, diff, the `❯` location, then runner frames. */
function stack(file: string, line: number, i: number, bytes: number): string {
  const lines = [`AssertionError: expected ${i} to be ${i + 1} // Object.is equality`, '', '- Expected', '+ Received', '', `- ${i + 1}`, `+ ${i}`, '', ` ❯ ${file}:${line}:17`];
  lines.push(`    at assertValue (/home/ci/repo/src/shared/assert-helpers.ts:${(i % 90) + 10}:11)`);
  let size = lines.join('\n').length;
  for (let k = 0; size < bytes; k++) {
    const frame = `    at runTest (/home/ci/repo/${FRAMES[k % FRAMES.length]})`;
    lines.push(frame);
    size += frame.length + 1;
  }
  return lines.join('\n');
}

/**
 * Writes a JUnit report of `spec.cases` test cases to `file` (streamed, any size) and returns what it
 * contains, so the benchmark can check every tool saw the same thing.
 */
export async function writeReport(file: string, spec: ReportSpec): Promise<ReportStats> {
  const out = fs.createWriteStream(file);
  const stats: ReportStats = { bytes: 0, cases: 0, failures: 0, skipped: 0, avgStackBytes: 0 };
  let stackBytes = 0;
  let buf = `<?xml version="1.0" encoding="UTF-8" ?>\n<testsuites name="vitest tests" tests="${spec.cases}" failures="${Math.floor(spec.cases / spec.failEvery)}" errors="0" time="1234.5">\n`;
  const write = async (s: string): Promise<void> => {
    stats.bytes += Buffer.byteLength(s);
    if (!out.write(s)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  for (let s = 0; stats.cases < spec.cases; s++) {
    // Short paths and titles, indented as vitest writes them: most of the bytes are the failures' stacks.
    const file = `src/m${s % 400}/f${s}.test.ts`;
    const n = Math.min(spec.casesPerSuite, spec.cases - stats.cases);
    buf += `    <testsuite name="${file}" timestamp="2026-01-01T00:00:00.000Z" hostname="ci" tests="${n}" failures="${Math.ceil(n / spec.failEvery)}" errors="0" skipped="0" time="1.5">\n`;
    for (let c = 0; c < n; c++) {
      const i = stats.cases++;
      const name = `f${s} &gt; case ${c}`;
      if (i % spec.failEvery === 0) {
        stats.failures++;
        const body = stack(file, 20 + c, i, spec.stackBytes);
        stackBytes += Buffer.byteLength(body);
        buf += `        <testcase classname="${file}" name="${name}" time="0.0${(i % 90) + 10}">\n            <failure message="expected ${i} to be ${i + 1} // Object.is equality" type="AssertionError"><![CDATA[${body}]]></failure>\n        </testcase>\n`;
      } else if (i % 97 === 1) {
        stats.skipped++;
        buf += `        <testcase classname="${file}" name="${name}" time="0">\n            <skipped/>\n        </testcase>\n`;
      } else {
        buf += `        <testcase classname="${file}" name="${name}" time="0.00${(i % 9) + 1}"/>\n`;
      }
    }
    buf += '    </testsuite>\n';
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf + '</testsuites>\n');
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  stats.avgStackBytes = stats.failures ? Math.round(stackBytes / stats.failures) : 0;
  return stats;
}
