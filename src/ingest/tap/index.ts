import { Parser } from 'tap-parser';
import type { TestResult } from '../../events/index.js';
import type { ReportParser } from '../types.js';
import { MalformedReportError } from '../errors.js';
import { readLines } from '../input/lines.js';
import { testId } from '../results/ids.js';
import { testFileIndex } from '../results/test-files.js';
import { convertAssert, TapTotals, type TapAssert, type TapContext } from './convert.js';
import { LatePlanHolder } from './late-plan.js';

/**
 * TAP 13/14 (node:test's tap reporter, node-tap, prove, bats, ...), parsed by tap-parser (the tapjs
 * project's own parser: subtests, YAML diagnostics, directives, pragmas) and streamed line by line.
 * Bail out and plan violations ("planned 573, ran 1") become errored results, since the run broke.
 */
export const tap: ReportParser = {
  format: 'tap',
  sniff(head) {
    if (/^\s*TAP version 1[34]\s*$/m.test(head.slice(0, 200))) return 0.95;
    const lines = head.split('\n', 400);
    const points = lines.filter((l) => /^\s*(not )?ok\b/.test(l)).length;
    const plan = lines.some((l) => /^\s*1\.\.\d+/.test(l));
    return points > 0 && plan ? 0.7 : points >= 3 ? 0.4 : 0;
  },
  async *parse(input, opts) {
    const queue: TestResult[] = [];
    const totals = new TapTotals();
    const parser = new Parser();
    let sawTap = false;
    let bailed = false;
    const ctx: TapContext = { tests: testFileIndex(opts.repoRoot, opts.package), node: false };
    parser.on('result', (a: TapAssert) => {
      sawTap = true;
      queue.push(convertAssert(a, opts, ctx));
    });
    parser.on('comment', (c: string) => totals.comment(c));
    parser.on('bailout', (reason: string) => {
      bailed = true;
      queue.push({ kind: 'test', framework: 'tap', test_id: testId(undefined, ['Bail out!']), status: 'errored', name: 'Bail out!', message: reason || 'the test run bailed out', package: opts.package });
    });
    const complete = new Promise<{ count: number; plan: { start: number | null; end: number | null; skipAll: boolean }; failures: { tapError?: string | null }[] }>((resolve) => parser.on('complete', resolve));
    const late = new LatePlanHolder();
    for await (const line of readLines(input)) {
      if (bailed) break;
      if (!sawTap && /^\s*(TAP version \d+|1\.\.\d+|(not )?ok\b|Bail out!)/i.test(line.text)) sawTap = true;
      const pass = late.line(line.text);
      if (pass !== undefined) parser.write(pass + '\n');
      yield* queue.splice(0);
    }
    const held = late.flush();
    if (held && !bailed) parser.write(held + '\n');
    parser.end();
    const final = await complete;
    yield* queue.splice(0);
    if (!sawTap) throw new MalformedReportError(opts.displayName, 'no TAP found (no "TAP version", plan or "ok"/"not ok" lines)');
    const t = totals.totals;
    if (t) opts.onTotals?.(t);
    if (bailed) return;
    const seen = new Set<string>();
    for (const f of final.failures) {
      if (!f.tapError || seen.has(f.tapError)) continue;
      seen.add(f.tapError);
      const planned = final.plan.end !== null && final.plan.start !== null ? final.plan.end - final.plan.start + 1 : undefined;
      const detail = f.tapError === 'incorrect number of tests' && planned !== undefined ? `: planned ${planned}, ran ${final.count}` : '';
      yield { kind: 'test', framework: 'tap', test_id: testId(undefined, ['(plan)']), status: 'errored', name: '(plan)', message: `${f.tapError}${detail}`, package: opts.package };
    }
  },
};
