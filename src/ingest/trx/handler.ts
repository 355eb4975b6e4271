import path from 'node:path';
import type { StatedTotals, TestResult } from '../../events/index.js';
import type { XmlParseOptions, XmlReportHandler } from '../xml/driver.js';
import { bareClassName, buildDotnetResult, methodOf, splitQualified, type DotnetContext } from '../xml/dotnet.js';
import { timeSpanMs } from '../xml/duration.js';
import { NameTable, nameKey } from '../xml/names.js';
import type { XmlScanner } from '../xml/scanner.js';
import type { Tag } from '../xml/tag.js';
import { TextCapture } from '../xml/text-capture.js';
import { trxFramework, trxStatus } from './outcome.js';

const TEST_RUN = 0;
const UNIT_TEST_RESULT = 1;
const INNER_RESULTS = 2;
const MESSAGE = 3;
const STACK_TRACE = 4;
const STD_OUT = 5;
const TEST_DEFINITIONS = 6;
const UNIT_TEST = 7;
const TEST_METHOD = 8;
const COUNTERS = 9;
/** Not -1: unknown elements close with id -1. */
const NOT_CAPTURING = -2;
const NAMES = new NameTable(['TestRun', 'UnitTestResult', 'InnerResults', 'Message', 'StackTrace', 'StdOut', 'TestDefinitions', 'UnitTest', 'TestMethod', 'Counters']);

const A = {
  testId: nameKey('testId'),
  testName: nameKey('testName'),
  outcome: nameKey('outcome'),
  duration: nameKey('duration'),
  id: nameKey('id'),
  className: nameKey('className'),
  name: nameKey('name'),
  adapterTypeName: nameKey('adapterTypeName'),
};
const COUNTER_NAMES = ['total', 'executed', 'failed', 'error', 'timeout', 'aborted', 'disconnected', 'notExecuted', 'notRunnable', 'inconclusive'].map(nameKey);

interface PendingResult {
  testId: string | undefined;
  testName: string;
  outcome: string | undefined;
  durationMs: number | undefined;
  message?: string;
  stack?: string;
  output?: string;
  /** A data-driven parent: its rows are the tests, it is not reported itself. */
  hasRows: boolean;
}

interface Definition {
  className: string | undefined;
  method: string | undefined;
  framework: string | undefined;
}

export const TRX_ROOTS = new Set(['TestRun']);

/**
 * Visual Studio / vstest TRX. Results are joined to their definitions (class, method) by testId;
 * vstest writes the definitions after the results, so results are held (with capped texts) until the
 * definitions have been read, then handed out. Data-driven results report their rows, not the parent.
 */
export class TrxHandler implements XmlReportHandler {
  readonly names = NAMES;
  out: TestResult[] = [];

  private readonly ctx: DotnetContext;
  private readonly onTotals: ((t: StatedTotals) => void) | undefined;
  private readonly open: PendingResult[] = [];
  private held: PendingResult[] = [];
  private readonly definitions = new Map<string, Definition>();
  private definitionsRead = false;
  private unitTestId: string | undefined;
  private framework = 'dotnet';
  private totals: StatedTotals | undefined;
  private capturing = NOT_CAPTURING;
  private readonly text = new TextCapture();

  constructor(
    private readonly scanner: XmlScanner,
    opts: XmlParseOptions,
  ) {
    const baseDir = opts.package ? opts.package.replace(/\\/g, '/').replace(/\/+$/, '') : undefined;
    this.ctx = { repoRoot: opts.repoRoot, baseDir: baseDir ? path.posix.normalize(baseDir) : undefined, package: opts.package };
    this.onTotals = opts.onTotals;
  }

  onOpen(tag: Tag): void {
    switch (tag.nameId) {
      case UNIT_TEST_RESULT: {
        const parent = this.open[this.open.length - 1];
        if (parent) parent.hasRows = true;
        const result: PendingResult = {
          testId: tag.get(A.testId),
          testName: tag.get(A.testName) ?? '',
          outcome: tag.get(A.outcome),
          durationMs: timeSpanMs(tag.get(A.duration) ?? ''),
          hasRows: false,
        };
        if (tag.selfClosing) this.done(result);
        else this.open.push(result);
        return;
      }
      case MESSAGE:
      case STACK_TRACE:
      case STD_OUT:
        if (this.open.length > 0 && !tag.selfClosing) this.startText(tag.nameId);
        return;
      case UNIT_TEST:
        this.unitTestId = tag.get(A.id);
        return;
      case TEST_METHOD:
        if (this.unitTestId !== undefined) {
          const framework = trxFramework(tag.get(A.adapterTypeName));
          this.definitions.set(this.unitTestId, { className: bareClassName(tag.get(A.className)), method: tag.get(A.name), framework });
        }
        return;
      case COUNTERS:
        this.totals = readCounters(tag);
        return;
    }
  }

  onClose(id: number): void {
    if (id === this.capturing) {
      this.endText();
      return;
    }
    if (id === UNIT_TEST_RESULT) {
      const result = this.open.pop();
      if (result) this.done(result);
    } else if (id === TEST_DEFINITIONS) {
      this.definitionsRead = true;
      const held = this.held;
      this.held = [];
      for (const r of held) this.emit(r);
    } else if (id === UNIT_TEST) {
      this.unitTestId = undefined;
    }
  }

  onText(buf: Buffer, start: number, end: number, cdata: boolean): void {
    this.text.add(buf, start, end, cdata);
  }

  finish(): void {
    this.flushHeld();
    if (this.totals && this.onTotals) this.onTotals(this.totals);
  }

  abort(): void {
    this.flushHeld();
  }

  private flushHeld(): void {
    const held = this.held;
    this.held = [];
    for (const r of held) this.emit(r);
  }

  private startText(id: number): void {
    this.capturing = id;
    this.text.reset();
    this.scanner.wantText = true;
  }

  private endText(): void {
    const result = this.open[this.open.length - 1];
    const text = this.text.text();
    if (result) {
      if (this.capturing === MESSAGE) result.message = text;
      else if (this.capturing === STACK_TRACE) result.stack = text;
      else result.output = text.slice(0, 16_000);
    }
    this.text.reset();
    this.capturing = NOT_CAPTURING;
    this.scanner.wantText = false;
  }

  private done(result: PendingResult): void {
    if (result.hasRows) return;
    if (this.definitionsRead) this.emit(result);
    else this.held.push(result);
  }

  private emit(r: PendingResult): void {
    const def = r.testId !== undefined ? this.definitions.get(r.testId) : undefined;
    let className = def?.className;
    let name = r.testName;
    if (className) {
      if (name.startsWith(className + '.')) name = name.slice(className.length + 1);
    } else {
      [className, name] = splitQualified(r.testName);
    }
    if (def?.framework) this.framework = def.framework;
    this.out.push(
      buildDotnetResult(
        {
          framework: def?.framework ?? this.framework,
          className,
          method: def?.method ?? methodOf(name),
          name,
          status: trxStatus(r.outcome),
          durationMs: r.durationMs,
          message: r.message,
          stack: r.stack,
          output: r.output,
        },
        this.ctx,
      ),
    );
  }
}

function readCounters(tag: Tag): StatedTotals {
  const n = COUNTER_NAMES.map((k) => {
    const v = tag.number(k);
    return v !== undefined && Number.isInteger(v) && v >= 0 ? v : 0;
  });
  const [total, executed, failed, error, timeout, aborted, disconnected, notExecuted, notRunnable, inconclusive] = n as [number, number, number, number, number, number, number, number, number, number];
  // vstest leaves notExecuted at 0 for skipped tests and counts them only in total, not in executed.
  const skipped = Math.max(notExecuted + notRunnable + inconclusive, total - executed - aborted);
  return { tests: total, failures: failed, errors: error + timeout + aborted + disconnected, skipped };
}
