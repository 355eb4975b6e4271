import type { StatedTotals, TestResult, TestStatus } from '../../events/index.js';
import type { XmlParseOptions, XmlReportHandler } from '../xml/driver.js';
import { buildDotnetResult, methodOf, splitQualified, type DotnetCase, type DotnetContext } from '../xml/dotnet.js';
import { parseSeconds } from '../xml/duration.js';
import { NameTable, nameKey } from '../xml/names.js';
import type { XmlScanner } from '../xml/scanner.js';
import type { Tag } from '../xml/tag.js';
import { TextCapture } from '../xml/text-capture.js';
import { nunitStatus } from './outcome.js';

const TEST_RUN = 0;
const TEST_RESULTS = 1;
const TEST_SUITE = 2;
const TEST_CASE = 3;
const FAILURE = 4;
const REASON = 5;
const MESSAGE = 6;
const STACK_TRACE = 7;
const OUTPUT = 8;
/** Not -1: unknown elements close with id -1. */
const NOT_CAPTURING = -2;
const NAMES = new NameTable(['test-run', 'test-results', 'test-suite', 'test-case', 'failure', 'reason', 'message', 'stack-trace', 'output']);

const A = {
  name: nameKey('name'),
  fullname: nameKey('fullname'),
  classname: nameKey('classname'),
  methodname: nameKey('methodname'),
  result: nameKey('result'),
  label: nameKey('label'),
  site: nameKey('site'),
  executed: nameKey('executed'),
  success: nameKey('success'),
  duration: nameKey('duration'),
  time: nameKey('time'),
  type: nameKey('type'),
};
const COUNTS = ['total', 'passed', 'failed', 'failures', 'errors', 'skipped', 'inconclusive', 'not-run'].map(nameKey);

export const NUNIT_ROOTS = new Set(['test-run', 'test-results', 'test-suite']);

interface SuiteFrame {
  name: string | undefined;
  type: string | undefined;
  status: TestStatus | undefined;
  site: string | undefined;
  cases: number;
  message?: string;
  stack?: string;
}

interface CaseDraft {
  case: DotnetCase;
  /** The case's own verdict attributes said nothing: a <failure> child decides. */
  undecided: boolean;
  failed: boolean;
}

/**
 * NUnit 3 (`<test-run>`) and NUnit 2 (`<test-results>`, or a bare `<test-suite>`) XML. Every
 * `<test-case>` is a result; a fixture whose setup failed before any case ran is one errored result.
 */
export class NunitHandler implements XmlReportHandler {
  readonly names = NAMES;
  out: TestResult[] = [];

  private readonly ctx: DotnetContext;
  private readonly onTotals: ((t: StatedTotals) => void) | undefined;
  private totals: StatedTotals | undefined;
  private readonly suites: SuiteFrame[] = [];
  private draft: CaseDraft | undefined;
  private inFailure = false;
  private inReason = false;
  private capturing = NOT_CAPTURING;
  private readonly text = new TextCapture();

  constructor(
    private readonly scanner: XmlScanner,
    opts: XmlParseOptions,
  ) {
    this.ctx = { repoRoot: opts.repoRoot, baseDir: opts.package?.replace(/\\/g, '/').replace(/\/+$/, '') || undefined, package: opts.package };
    this.onTotals = opts.onTotals;
  }

  onOpen(tag: Tag): void {
    switch (tag.nameId) {
      case TEST_RUN:
      case TEST_RESULTS:
        if (this.totals === undefined) this.totals = readTotals(tag, tag.nameId === TEST_RESULTS);
        return;
      case TEST_SUITE:
        this.suites.push({
          name: tag.get(A.fullname) ?? tag.get(A.name),
          type: tag.get(A.type),
          status: nunitStatus(tag.get(A.result), tag.get(A.label), tag.get(A.executed), tag.get(A.success)),
          site: tag.get(A.site),
          cases: 0,
        });
        if (tag.selfClosing) this.onClose(TEST_SUITE);
        return;
      case TEST_CASE:
        this.openCase(tag);
        if (tag.selfClosing) this.closeCase();
        return;
      case FAILURE:
        this.inFailure = !tag.selfClosing;
        if (this.draft?.undecided) this.draft.case.status = 'failed';
        return;
      case REASON:
        this.inReason = !tag.selfClosing;
        return;
      case MESSAGE:
      case STACK_TRACE:
        if ((this.inFailure || this.inReason) && !tag.selfClosing) this.startText(tag.nameId);
        return;
      case OUTPUT:
        if (this.draft !== undefined && !tag.selfClosing) this.startText(OUTPUT);
        return;
    }
  }

  onClose(id: number): void {
    if (id === this.capturing) {
      this.endText();
      return;
    }
    switch (id) {
      case TEST_CASE:
        this.closeCase();
        return;
      case TEST_SUITE:
        this.closeSuite();
        return;
      case FAILURE:
        this.inFailure = false;
        return;
      case REASON:
        this.inReason = false;
        return;
    }
  }

  onText(buf: Buffer, start: number, end: number, cdata: boolean): void {
    this.text.add(buf, start, end, cdata);
  }

  finish(): void {
    if (this.totals && this.onTotals) this.onTotals(this.totals);
  }

  abort(): void {}

  private openCase(tag: Tag): void {
    for (const s of this.suites) s.cases++;
    const fullname = tag.get(A.fullname);
    const rawName = tag.get(A.name) ?? '';
    let className = tag.get(A.classname);
    let name = rawName;
    // NUnit 2 names a case by its full name; NUnit 3 gives name, fullname and (3.8+) classname.
    if (!className) {
      if (fullname && rawName && fullname.endsWith('.' + rawName)) {
        className = fullname.slice(0, fullname.length - rawName.length - 1);
      } else {
        [className, name] = splitQualified(fullname ?? rawName);
      }
    } else if (name.startsWith(className + '.')) {
      name = name.slice(className.length + 1);
    }
    const seconds = parseSeconds(tag.get(A.duration) ?? tag.get(A.time));
    const status = nunitStatus(tag.get(A.result), tag.get(A.label), tag.get(A.executed), tag.get(A.success));
    this.draft = {
      case: { framework: 'nunit', className, method: tag.get(A.methodname) ?? methodOf(name), name, status: status ?? 'passed', durationMs: seconds },
      undecided: status === undefined,
      failed: false,
    };
  }

  private closeCase(): void {
    const draft = this.draft;
    if (!draft) return;
    this.draft = undefined;
    this.out.push(buildDotnetResult(draft.case, this.ctx));
  }

  private closeSuite(): void {
    const suite = this.suites.pop();
    if (!suite) return;
    // A fixture whose (one-time) setup failed before any case ran: one errored result stands for it.
    // (A parameterized method's cases are sometimes written beside it, not in it: not a setup failure.)
    const container = suite.type === undefined || !/^(ParameterizedMethod|Theory|GenericMethod)$/.test(suite.type);
    if (container && suite.cases === 0 && (suite.status === 'failed' || suite.status === 'errored') && suite.message !== undefined) {
      const [className] = splitQualified(suite.name ?? '');
      this.out.push(
        buildDotnetResult(
          { framework: 'nunit', className: suite.name ?? className, method: undefined, name: '(suite setup)', status: 'errored', durationMs: undefined, message: suite.message, stack: suite.stack },
          this.ctx,
        ),
      );
    }
  }

  private startText(id: number): void {
    this.capturing = id;
    this.text.reset();
    this.scanner.wantText = true;
  }

  private endText(): void {
    const text = this.text.text().trim();
    const id = this.capturing;
    this.capturing = NOT_CAPTURING;
    this.scanner.wantText = false;
    this.text.reset();
    const c = this.draft?.case;
    if (c) {
      if (id === MESSAGE) c.message = c.message ?? text;
      else if (id === STACK_TRACE) c.stack = c.stack ?? text;
      else c.output = text.slice(0, 16_000);
      return;
    }
    const suite = this.suites[this.suites.length - 1];
    if (suite && this.inFailure) {
      if (id === MESSAGE) suite.message = text;
      else if (id === STACK_TRACE) suite.stack = text;
    }
  }
}

/**
 * NUnit 3 counts every case in `total` and errors inside `failed`. NUnit 2 counts only executed cases
 * in `total`; the ignored and not-runnable ones are in `not-run`.
 */
function readTotals(tag: Tag, nunit2: boolean): StatedTotals | undefined {
  const [total, , failed, failures, errors, skipped, inconclusive, notRun] = COUNTS.map((k) => {
    const v = tag.number(k);
    return v !== undefined && Number.isInteger(v) && v >= 0 ? v : undefined;
  });
  if (total === undefined) return undefined;
  const t: StatedTotals = { tests: total + (nunit2 ? (notRun ?? 0) : 0) };
  if (failed !== undefined) t.failures = failed;
  else if (failures !== undefined) t.failures = failures;
  if (errors !== undefined) t.errors = errors;
  const skips = [skipped, inconclusive, nunit2 ? notRun : undefined].filter((v): v is number => v !== undefined);
  if (skips.length > 0) t.skipped = skips.reduce((a, b) => a + b, 0);
  return t;
}
