import type { TestResult, TestStatus } from '../../events/index.js';
import type { ParseOptions } from '../types.js';
import { jsStatus } from '../results/js-error.js';
import { testId } from '../results/ids.js';
import { locate, toRepoPath } from '../results/location.js';
import { repro } from '../results/repro.js';
import type { TestFileIndex } from '../results/test-files.js';

/** The parts of a tap-parser Result this parser reads. */
export interface TapAssert {
  ok: boolean;
  id: number;
  name: string;
  fullname: string;
  skip: boolean | string;
  todo: boolean | string;
  time: number | null;
  diag: Record<string, unknown> | null;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

/** node:test writes a stack without "at "; make it look like V8's so frames can be read. */
function v8Stack(stack: string): string {
  return stack
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (/^\s*at /.test(l) ? l : `    at ${l.trim()}`))
    .join('\n');
}

/** "file:line:column" (node:test `location`) split. */
function splitLocation(loc: string | undefined): { file?: string; line?: number; column?: number } {
  const m = loc ? /^(.*?):(\d+):(\d+)$/.exec(loc) : null;
  return m ? { file: m[1], line: Number(m[2]), column: Number(m[3]) } : {};
}

/** What one TAP stream has shown so far, shared by its test points. */
export interface TapContext {
  /** The repository's test files: a test's file when the TAP does not say it. */
  tests: TestFileIndex;
  /** node:test's YAML seen (duration_ms, location, failureType): every later point is node:test's. */
  node: boolean;
}

const SCRIPT_PATH = /^[^\s]*\.[cm]?[jt]sx?$/;

/**
 * The file and titles of a test point. A top-level subtest named after a script is its file (node-tap,
 * and node:test before Node 20 ran each file as a subtest); otherwise the titles are looked up in the
 * repository's test files, never taken from a failure's location, so the id does not change when the
 * test starts failing or passing.
 */
function placeOf(fullname: string, opts: ParseOptions, ctx: TapContext): { file: string | undefined; titles: string[] } {
  const titles = fullname.split(' > ');
  if (titles.length > 1 && SCRIPT_PATH.test(titles[0]!)) {
    const file = toRepoPath(titles[0], opts);
    if (file) return { file, titles: titles.slice(1) };
  }
  return { file: ctx.tests.byTitles(titles), titles };
}

/**
 * One TAP test point as a result. Understands node:test's YAML (location, error, name, code, stack,
 * failureType) and node-tap's (at, stack, diff), and plain TAP (message, severity).
 */
export function convertAssert(a: TapAssert, opts: ParseOptions, ctx: TapContext): TestResult {
  const d = a.diag ?? {};
  // node:test writes a YAML block with duration_ms on every point (tap-parser turns it into `time`).
  if (!ctx.node && ('failureType' in d || 'location' in d || (a.diag !== null && a.time !== null && !('at' in d)))) ctx.node = true;
  const isNode = ctx.node;
  const at = (d.at && typeof d.at === 'object' ? d.at : {}) as Record<string, unknown>;
  const loc = splitLocation(str(d.location));
  const declared = toRepoPath(loc.file ?? str(at.file), opts);
  const name = a.name || `(test ${a.id})`;
  const place = placeOf(a.fullname || name, opts, ctx);
  let status: TestStatus = a.todo !== false ? (a.ok ? 'passed' : 'skipped') : a.skip !== false ? 'skipped' : a.ok ? 'passed' : 'failed';
  const r: TestResult = {
    kind: 'test',
    framework: isNode ? 'node:test' : 'tap',
    // Scoped by the file the TAP or the repository says, never by a failure's location: node:test
    // gives one only for failures, and an id must not change when a test starts passing.
    test_id: testId(place.file, place.titles),
    status,
    name,
    file: declared ?? place.file,
    line: loc.line ?? (typeof at.line === 'number' ? at.line : undefined),
    column: loc.column ?? (typeof at.column === 'number' ? at.column : undefined),
    duration_ms: a.time ?? undefined,
    package: opts.package,
  };
  const parent = place.titles.slice(0, -1).join(' > ');
  if (parent) r.suite = parent;
  if (status === 'failed') {
    const errorClass = str(d.name);
    const base = str(d.error) ?? str(d.message) ?? name;
    const diff = str(d.diff);
    const rawStack = str(d.stack);
    const stack = rawStack ? `${errorClass ?? 'Error'}: ${base}\n${v8Stack(rawStack)}` : undefined;
    const failureType = str(d.failureType);
    status = failureType && failureType !== 'testCodeFailure' ? 'errored' : isNode ? jsStatus(errorClass) : 'failed';
    const where = locate(stack, opts, declared ?? place.file);
    Object.assign(r, {
      status,
      error_class: errorClass,
      error_code: str(d.code) === 'ERR_TEST_FAILURE' ? undefined : str(d.code),
      message: diff ? `${base}\n${diff.trimEnd()}` : base,
      stack,
      file: where.file ?? r.file,
      line: where.line ?? r.line,
      column: where.line !== undefined ? where.column : r.column,
    });
  }
  if (r.status !== 'skipped' && isNode && r.file) r.repro_cmd = repro.nodeTest(r.file, name, opts.package);
  return r;
}

/** Totals node:test ("# tests 7", "# fail 3") or node-tap ("# failed 4 of 10 tests") print at the end. */
export class TapTotals {
  #t: { tests?: number; failures?: number; skipped?: number } = {};
  #skipped = 0;
  #sawSkip = false;

  comment(text: string): void {
    const c = text.replace(/^#\s*/, '').trim();
    let m: RegExpExecArray | null;
    if ((m = /^tests (\d+)$/.exec(c))) this.#t.tests = Number(m[1]);
    else if ((m = /^fail (\d+)$/.exec(c))) this.#t.failures = Number(m[1]);
    else if ((m = /^(?:skipped|todo|skip:) ?(\d+)$/.exec(c))) {
      this.#sawSkip = true;
      this.#skipped += Number(m[1]);
    } else if ((m = /^failed (\d+) of (\d+) tests?$/.exec(c))) {
      this.#t.failures = Number(m[1]);
      this.#t.tests = Number(m[2]);
    }
  }

  get totals(): { tests?: number; failures?: number; skipped?: number } | undefined {
    const t = { ...this.#t, ...(this.#sawSkip ? { skipped: this.#skipped } : {}) };
    return Object.keys(t).length ? t : undefined;
  }
}
