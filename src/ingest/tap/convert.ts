import type { TestResult, TestStatus } from '../../events/index.js';
import type { ParseOptions } from '../types.js';
import { jsStatus } from '../results/js-error.js';
import { testId } from '../results/ids.js';
import { locate, toRepoPath } from '../results/location.js';
import { repro } from '../results/repro.js';

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

/**
 * One TAP test point as a result. Understands node:test's YAML (location, error, name, code, stack,
 * failureType) and node-tap's (at, stack, diff), and plain TAP (message, severity).
 */
export function convertAssert(a: TapAssert, opts: ParseOptions): TestResult {
  const d = a.diag ?? {};
  const isNode = 'failureType' in d || 'location' in d;
  const at = (d.at && typeof d.at === 'object' ? d.at : {}) as Record<string, unknown>;
  const loc = splitLocation(str(d.location));
  const declared = toRepoPath(loc.file ?? str(at.file), opts);
  const name = a.name || `(test ${a.id})`;
  let status: TestStatus = a.todo !== false ? (a.ok ? 'passed' : 'skipped') : a.skip !== false ? 'skipped' : a.ok ? 'passed' : 'failed';
  const r: TestResult = {
    kind: 'test',
    framework: isNode ? 'node:test' : 'tap',
    // Not scoped by file: node:test gives a location only for failures, and an id must not change
    // when a test starts passing.
    test_id: testId(undefined, [a.fullname || name]),
    status,
    name,
    file: declared,
    line: loc.line ?? (typeof at.line === 'number' ? at.line : undefined),
    column: loc.column ?? (typeof at.column === 'number' ? at.column : undefined),
    duration_ms: a.time ?? undefined,
    package: opts.package,
  };
  const parent = a.fullname.endsWith(` > ${a.name}`) ? a.fullname.slice(0, -(a.name.length + 3)) : '';
  if (parent) r.suite = parent;
  if (status === 'failed') {
    const errorClass = str(d.name);
    const base = str(d.error) ?? str(d.message) ?? name;
    const diff = str(d.diff);
    const rawStack = str(d.stack);
    const stack = rawStack ? `${errorClass ?? 'Error'}: ${base}\n${v8Stack(rawStack)}` : undefined;
    const failureType = str(d.failureType);
    status = failureType && failureType !== 'testCodeFailure' ? 'errored' : isNode ? jsStatus(errorClass) : 'failed';
    const where = locate(stack, opts, declared);
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
