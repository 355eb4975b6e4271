import { stripVTControlCharacters } from 'node:util';
import type { TestResult, TestStatus } from '../../events/index.js';
import type { ParseOptions } from '../types.js';
import { jsStatus, splitJsError } from '../results/js-error.js';
import { testId } from '../results/ids.js';
import { locate, toRepoPath } from '../results/location.js';
import type { JestAssertion, JestFileResult, JestLikeReport } from './schema.js';

export interface JestLikeFlavour {
  framework: 'jest' | 'vitest';
  /** Re-runs one test by its space-joined full name. */
  repro: (file: string, fullName: string, pkg?: string) => string;
  /** Re-runs a whole test file. */
  reproFile: (file: string, pkg?: string) => string;
}

const STATUS: Record<string, TestStatus> = {
  passed: 'passed',
  failed: 'failed',
  pending: 'skipped',
  skipped: 'skipped',
  todo: 'skipped',
  disabled: 'skipped',
  focused: 'passed',
};

/** Converts one test file's results; a file that failed without a failing test becomes one errored result. */
export function* convertFile(fr: JestFileResult, flavour: JestLikeFlavour, opts: ParseOptions): Generator<TestResult> {
  const file = toRepoPath(fr.name, opts) ?? fr.name.replace(/\\/g, '/');
  const tests = fr.assertionResults ?? [];
  let anyFailed = false;
  for (const a of tests) {
    const r = convertAssertion(a, file, flavour, opts);
    if (r.status === 'failed' || r.status === 'errored') anyFailed = true;
    yield r;
  }
  if (fr.status === 'failed' && !anyFailed) yield fileError(fr, file, flavour, opts);
}

function convertAssertion(a: JestAssertion, file: string, flavour: JestLikeFlavour, opts: ParseOptions): TestResult {
  const ancestors = a.ancestorTitles ?? [];
  const spaceName = [...ancestors, a.title].join(' ');
  let status: TestStatus = STATUS[a.status] ?? (a.status === 'failed' ? 'failed' : 'skipped');
  const r: TestResult = {
    kind: 'test',
    framework: flavour.framework,
    test_id: testId(file, [...ancestors, a.title]),
    status,
    suite: ancestors.length ? ancestors.join(' > ') : undefined,
    name: a.title,
    file,
    line: a.location?.line,
    column: a.location?.column,
    duration_ms: a.duration ?? undefined,
    package: opts.package,
  };
  const failures = a.failureMessages ?? [];
  if (status === 'failed' && failures.length) {
    const first = splitJsError(failures[0]!);
    const isAssertion = (a.failureDetails ?? []).some((d) => typeof d === 'object' && d !== null && 'matcherResult' in d) || /^expect\(/.test(first.message);
    status = jsStatus(first.error_class, isAssertion);
    const where = locate(first.stack, opts, file);
    Object.assign(r, {
      status,
      error_class: isAssertion && first.error_class === 'Error' ? 'JestAssertionError' : first.error_class,
      error_code: first.error_code,
      message: first.message,
      stack: failures.length > 1 ? failures.map((f) => stripVTControlCharacters(f)).join('\n\n') : first.stack,
      line: where.line ?? r.line,
      column: where.line ? where.column : r.column,
    });
  }
  if (status === 'passed' && a.retryReasons?.length) {
    const failuresSeen = a.retryReasons.length;
    const first = splitJsError(a.retryReasons[0]!);
    Object.assign(r, {
      status: 'flaky',
      error_class: first.error_class,
      message: first.message,
      stack: first.stack,
      flaky: { source: 'framework-rerun', runs: failuresSeen + 1, failures: failuresSeen, passes: 1, messages: a.retryReasons.map((m) => splitJsError(m).message) },
    });
  }
  if (r.status !== 'skipped') r.repro_cmd = flavour.repro(file, spaceName, opts.package);
  return r;
}

/**
 * "Test suite failed to run": the file did not load (syntax error, missing module) or a hook outside
 * every test threw. jest prints a block headed "● Test suite failed to run"; vitest a plain message.
 */
function fileError(fr: JestFileResult, file: string, flavour: JestLikeFlavour, opts: ParseOptions): TestResult {
  const text = stripVTControlCharacters(fr.message ?? '').replace(/\r\n/g, '\n');
  const lines = text.split('\n');
  const headerAt = lines.findIndex((l) => /^\s*● /.test(l));
  const body = dedent(headerAt === -1 ? lines : lines.slice(headerAt + 1));
  const paragraph: string[] = [];
  for (const l of body.replace(/^\n+/, '').split('\n')) {
    if (l.trim() === '' || /^\s*>?\s*\d+ \|/.test(l) || /^\s+at \S/.test(l)) break;
    paragraph.push(l);
  }
  const split = splitJsError(paragraph.join('\n'));
  const where = locate(text, opts, file);
  return {
    kind: 'test',
    framework: flavour.framework,
    test_id: testId(file, ['(test file)']),
    status: 'errored',
    name: '(test file)',
    file,
    line: where.line,
    column: where.column,
    error_class: split.error_class,
    error_code: split.error_code,
    message: split.message || 'the test file failed to run',
    stack: text.trim() || undefined,
    repro_cmd: flavour.reproFile(file, opts.package),
    package: opts.package,
  };
}

function dedent(lines: string[]): string {
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

/** Totals the report states about itself: test cases, failures, skipped (pending + todo), files that failed to run. */
export function statedTotals(report: JestLikeReport): { tests?: number; failures?: number; skipped?: number; errors?: number } {
  const skipped = report.numPendingTests == null && report.numTodoTests == null ? undefined : (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  return {
    tests: report.numTotalTests ?? undefined,
    failures: report.numFailedTests ?? undefined,
    skipped,
    errors: report.numRuntimeErrorTestSuites ?? undefined,
  };
}
