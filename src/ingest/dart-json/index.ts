import type { TestResult } from '../../events/index.js';
import type { ParseOptions, ReportParser } from '../types.js';
import { MalformedReportError } from '../errors.js';
import { readLines } from '../input/lines.js';
import { testId } from '../results/ids.js';
import { toRepoPath } from '../results/location.js';
import { repro } from '../results/repro.js';
import { dartEventSchema, type DartEvent } from './protocol.js';

interface OpenTest {
  test: NonNullable<DartEvent['test']>;
  start: number | undefined;
  errors: { error: string; stackTrace?: string; isFailure: boolean }[];
}

/**
 * `dart test --reporter json` / `flutter test --machine`: NDJSON events, streamed. A test is complete
 * at its testDone event. Hidden tests are the runner's own ("loading x.dart"); they are reported only
 * when they fail, because then the file did not load.
 */
export const dartJson: ReportParser = {
  format: 'dart-json',
  sniff(head) {
    const first = head.slice(0, 4096);
    if (/^\s*\{"protocolVersion"\s*:/.test(first) && /"runnerVersion"/.test(first)) return 0.95;
    return /"type"\s*:\s*"(testStart|testDone|allSuites)"/.test(first) ? 0.7 : 0;
  },
  async *parse(input, opts) {
    const suites = new Map<number, string>();
    const groups = new Map<number, string>();
    const open = new Map<number, OpenTest>();
    let events = 0;
    for await (const line of readLines(input)) {
      const t = line.text.trim();
      if (!t.startsWith('{')) continue; // flutter prints build chatter between events
      let ev: DartEvent;
      try {
        const parsed = dartEventSchema.safeParse(JSON.parse(t));
        if (!parsed.success) continue;
        ev = parsed.data;
      } catch {
        throw new MalformedReportError(opts.displayName, 'not valid JSON in a dart test event', { position: { line: line.lineNo } });
      }
      events++;
      if (ev.type === 'suite' && ev.suite) suites.set(ev.suite.id, ev.suite.path ?? '');
      else if (ev.type === 'group' && ev.group) groups.set(ev.group.id, ev.group.name ?? '');
      else if (ev.type === 'testStart' && ev.test) open.set(ev.test.id, { test: ev.test, start: ev.time ?? undefined, errors: [] });
      else if (ev.type === 'error' && ev.testID != null) open.get(ev.testID)?.errors.push({ error: ev.error ?? '', stackTrace: ev.stackTrace ?? undefined, isFailure: !!ev.isFailure });
      else if (ev.type === 'testDone' && ev.testID != null) {
        const o = open.get(ev.testID);
        open.delete(ev.testID);
        if (!o || (ev.hidden && ev.result === 'success')) continue;
        yield convert(o, ev, suites, groups, opts);
      }
    }
    if (events === 0) throw new MalformedReportError(opts.displayName, 'no dart test JSON events found');
    for (const o of open.values()) {
      yield { ...convert(o, { type: 'testDone', result: 'error' }, suites, groups, opts), message: 'the report ends before this test finished' };
    }
  },
};

function convert(o: OpenTest, done: DartEvent, suites: Map<number, string>, groups: Map<number, string>, opts: ParseOptions): TestResult {
  const suitePath = suites.get(o.test.suiteID) ?? '';
  const file = toRepoPath(o.test.root_url ?? o.test.url ?? suitePath, opts) ?? toRepoPath(suitePath, opts);
  const groupNames = (o.test.groupIDs ?? []).map((g) => groups.get(g) ?? '').filter((n) => n !== '');
  const status: TestResult['status'] = done.skipped ? 'skipped' : done.result === 'success' ? 'passed' : done.result === 'failure' ? 'failed' : 'errored';
  const scope = toRepoPath(suitePath, opts) ?? suitePath;
  // dart names are full names ("Test 1 Test 1.1 Failing test"); groups are named the same way.
  const group = groupNames[groupNames.length - 1];
  const own = group && o.test.name.startsWith(`${group} `) ? o.test.name.slice(group.length + 1) : o.test.name;
  const r: TestResult = {
    kind: 'test',
    framework: 'dart',
    test_id: testId(scope, [o.test.name]),
    status,
    suite: group,
    name: own,
    file,
    line: (o.test.root_line ?? o.test.line) ?? undefined,
    column: (o.test.root_column ?? o.test.column) ?? undefined,
    duration_ms: done.time != null && o.start != null ? Math.max(0, done.time - o.start) : undefined,
    package: opts.package,
  };
  const first = o.errors[0];
  if (status === 'skipped') r.message = o.test.metadata?.skipReason ?? undefined;
  if (first && (status === 'failed' || status === 'errored')) {
    const cls = first.isFailure ? 'TestFailure' : /^((?:[A-Z]\w*?)?(?:Exception|Error))\b/.exec(first.error)?.[1];
    Object.assign(r, { error_class: cls, message: first.error.trim(), stack: [first.error, first.stackTrace ?? ''].join('\n').trim() });
    const frame = dartFrameIn(first.stackTrace, file, opts);
    if (frame) Object.assign(r, frame);
  }
  if (status !== 'skipped' && file) r.repro_cmd = repro.dart(file, o.test.name);
  return r;
}

/** dart prints frames as "test/main_test.dart 13:9  main.<fn>"; the first one in the test file is the failing line. */
function dartFrameIn(stack: string | undefined, file: string | undefined, opts: ParseOptions): { line: number; column: number } | undefined {
  if (!stack || !file) return undefined;
  for (const l of stack.split('\n')) {
    const m = /^(\S+\.dart) (\d+):(\d+)\s/.exec(l);
    if (m && toRepoPath(m[1], opts) === file) return { line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}
