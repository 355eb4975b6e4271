import type { StatedTotals, TestResult, TestStatus } from '../../events/index.js';
import type { XmlParseOptions, XmlReportHandler } from '../xml/driver.js';
import { buildDotnetResult, methodOf, type DotnetCase, type DotnetContext } from '../xml/dotnet.js';
import { parseSeconds } from '../xml/duration.js';
import { NameTable, nameKey } from '../xml/names.js';
import type { XmlScanner } from '../xml/scanner.js';
import type { Tag } from '../xml/tag.js';
import { TextCapture } from '../xml/text-capture.js';
import { inRepo } from '../xml/stack.js';

const ASSEMBLIES = 0;
const ASSEMBLY = 1;
const TEST = 2;
const FAILURE = 3;
const MESSAGE = 4;
const STACK_TRACE = 5;
const REASON = 6;
const OUTPUT = 7;
const ERROR = 8;
/** Not -1: unknown elements close with id -1. */
const NOT_CAPTURING = -2;
const NAMES = new NameTable(['assemblies', 'assembly', 'test', 'failure', 'message', 'stack-trace', 'reason', 'output', 'error']);

const A = {
  name: nameKey('name'),
  type: nameKey('type'),
  method: nameKey('method'),
  result: nameKey('result'),
  time: nameKey('time'),
  exceptionType: nameKey('exception-type'),
  sourceFile: nameKey('source-file'),
  sourceLine: nameKey('source-line'),
  total: nameKey('total'),
  failed: nameKey('failed'),
  skipped: nameKey('skipped'),
};

export const XUNIT_ROOTS = new Set(['assemblies', 'assembly']);

/** xUnit.net v2 results to statuses: an assertion (Xunit.Sdk.*) fails, any other exception errors. */
function xunitStatus(result: string | undefined, exceptionType: string | undefined): TestStatus {
  switch (result?.toLowerCase()) {
    case 'pass':
      return 'passed';
    case 'skip':
    case 'notrun':
      return 'skipped';
    case 'fail':
      return !exceptionType || /^Xunit\.Sdk\.|Assert/i.test(exceptionType) ? 'failed' : 'errored';
    default:
      return 'errored';
  }
}

/**
 * xUnit.net v2 XML (`xunit.console -xml`, `--logger xunit`). Each `<test>` is a result; an
 * assembly-level `<errors><error>` (a fixture or collection cleanup that threw) is an errored result.
 */
export class XunitHandler implements XmlReportHandler {
  readonly names = NAMES;
  out: TestResult[] = [];

  private readonly ctx: DotnetContext;
  private readonly onTotals: ((t: StatedTotals) => void) | undefined;
  private totals: StatedTotals | undefined;
  private current: (DotnetCase & { result?: string }) | undefined;
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
      case ASSEMBLY:
        this.addTotals(tag);
        return;
      case TEST:
        this.openTest(tag);
        if (tag.selfClosing) this.closeTest();
        return;
      case ERROR:
        // <error type="test-collection-cleanup" name="...">: a failure outside any test.
        this.current = { framework: 'xunit', className: tag.get(A.name), method: undefined, name: `(${tag.get(A.type) ?? 'error'})`, status: 'errored', durationMs: undefined };
        if (tag.selfClosing) this.closeTest();
        return;
      case FAILURE:
        if (this.current) this.current.exceptionType = tag.get(A.exceptionType);
        return;
      case MESSAGE:
      case STACK_TRACE:
      case REASON:
      case OUTPUT:
        if (this.current && !tag.selfClosing) {
          this.capturing = tag.nameId;
          this.text.reset();
          this.scanner.wantText = true;
        }
        return;
    }
  }

  onClose(id: number): void {
    if (id === this.capturing) {
      const text = this.text.text().trim();
      const c = this.current!;
      if (id === MESSAGE || id === REASON) c.message = c.message ?? text;
      else if (id === STACK_TRACE) c.stack = text;
      else c.output = text.slice(0, 16_000);
      this.capturing = NOT_CAPTURING;
      this.scanner.wantText = false;
      this.text.reset();
      return;
    }
    if (id === TEST || id === ERROR) this.closeTest();
  }

  onText(buf: Buffer, start: number, end: number, cdata: boolean): void {
    this.text.add(buf, start, end, cdata);
  }

  finish(): void {
    if (this.totals && this.onTotals) this.onTotals(this.totals);
  }

  abort(): void {}

  private openTest(tag: Tag): void {
    const className = tag.get(A.type);
    const full = tag.get(A.name) ?? '';
    const name = className && full.startsWith(className + '.') ? full.slice(className.length + 1) : full;
    const file = tag.get(A.sourceFile);
    const line = tag.number(A.sourceLine);
    this.current = {
      framework: 'xunit',
      className,
      method: tag.get(A.method) ?? methodOf(name),
      name,
      status: 'passed',
      result: tag.get(A.result),
      durationMs: parseSeconds(tag.get(A.time)),
      file: file ? inRepo(file, this.ctx.repoRoot, this.ctx.baseDir) : undefined,
      line: line !== undefined && Number.isInteger(line) && line > 0 ? line : undefined,
    };
  }

  private closeTest(): void {
    const c = this.current;
    if (!c) return;
    this.current = undefined;
    if (c.result !== undefined || c.status !== 'errored') c.status = xunitStatus(c.result, c.exceptionType);
    this.out.push(buildDotnetResult(c, this.ctx));
  }

  private addTotals(tag: Tag): void {
    const total = tag.number(A.total);
    if (total === undefined || !Number.isInteger(total)) return;
    const t = (this.totals ??= { tests: 0, failures: 0, skipped: 0 });
    t.tests! += total;
    t.failures! += tag.number(A.failed) ?? 0;
    t.skipped! += tag.number(A.skipped) ?? 0;
  }
}
