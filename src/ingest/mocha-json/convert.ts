import type { TestResult } from '../../events/index.js';
import type { ParseOptions } from '../types.js';
import { jsStatus, splitJsError } from '../results/js-error.js';
import { testId } from '../results/ids.js';
import { locate, toRepoPath } from '../results/location.js';
import { repro } from '../results/repro.js';
import type { MochaReport, MochaTest } from './schema.js';

const key = (t: MochaTest): string => `${t.file ?? ''}\u0000${t.fullTitle ?? t.title}`;

function hasError(t: MochaTest): boolean {
  return !!(t.err && (t.err.message || t.err.stack));
}

/**
 * mocha lists every test that ran in `tests` (pending ones included, with an empty `err`); a failing
 * hook appears only in `failures`, as '"before all" hook for "x"', and becomes an errored result.
 */
export function* convertMocha(report: MochaReport, opts: ParseOptions): Generator<TestResult> {
  const pending = new Set((report.pending ?? []).map(key));
  const inTests = new Map<string, number>();
  for (const t of report.tests) {
    inTests.set(key(t), (inTests.get(key(t)) ?? 0) + 1);
    yield convertTest(t, opts, hasError(t) ? 'failed' : pending.has(key(t)) ? 'skipped' : 'passed');
  }
  for (const f of report.failures ?? []) {
    const n = inTests.get(key(f)) ?? 0;
    if (n > 0) {
      inTests.set(key(f), n - 1);
      continue;
    }
    yield convertTest(f, opts, 'failed', true);
  }
}

function convertTest(t: MochaTest, opts: ParseOptions, outcome: 'passed' | 'failed' | 'skipped', isHook = false): TestResult {
  const fullTitle = t.fullTitle ?? t.title;
  const suite = fullTitle.endsWith(t.title) ? fullTitle.slice(0, fullTitle.length - t.title.length).trim() : '';
  const file = toRepoPath(t.file, opts);
  const r: TestResult = {
    kind: 'test',
    framework: 'mocha',
    test_id: testId(file, [suite, t.title]),
    status: outcome,
    suite: suite || undefined,
    name: t.title,
    file,
    duration_ms: t.duration ?? undefined,
    package: opts.package,
  };
  if (outcome === 'failed' && t.err) {
    const split = splitJsError(t.err.stack || `${t.err.name ?? 'Error'}: ${t.err.message ?? ''}`);
    const errorClass = t.err.name ?? split.error_class;
    const where = locate(split.stack, opts, file);
    Object.assign(r, {
      status: isHook ? 'errored' : jsStatus(errorClass),
      error_class: errorClass,
      error_code: t.err.code != null ? String(t.err.code) : split.error_code,
      message: (t.err.message ?? split.message).trim(),
      stack: split.stack,
      file: where.file,
      line: where.line,
      column: where.column,
    });
  }
  if (r.status === 'passed' && (t.currentRetry ?? 0) > 0) {
    const retries = t.currentRetry!;
    r.status = 'flaky';
    r.message = `passed after ${retries} ${retries === 1 ? 'retry' : 'retries'}`;
    r.flaky = { source: 'framework-rerun', runs: retries + 1, failures: retries, passes: 1 };
  }
  if (r.status !== 'skipped' && r.file) {
    // A hook failure re-runs with the whole suite; a test with exactly its own title.
    r.repro_cmd = isHook ? (suite ? repro.mochaSuite(r.file, suite, opts.package) : repro.mochaFile(r.file, opts.package)) : repro.mocha(r.file, fullTitle, opts.package);
  }
  return r;
}

export function mochaTotals(report: MochaReport): { tests?: number; failures?: number; skipped?: number } {
  const s = report.stats;
  return { tests: s?.tests ?? undefined, failures: s?.failures ?? undefined, skipped: s?.pending ?? undefined };
}
