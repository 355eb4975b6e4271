import path from 'node:path';
import type { StatedTotals, TestResult } from '../../events/index.js';
import { COUNTED_PASS } from '../types.js';
import type { XmlParseOptions, XmlReportHandler } from '../xml/driver.js';
import { parseSeconds, secondsToMs } from '../xml/duration.js';
import { NameTable } from '../xml/names.js';
import type { XmlScanner } from '../xml/scanner.js';
import { AttrSet } from '../xml/attr-set.js';
import { valueMemo, type Tag } from '../xml/tag.js';
import { TextCapture } from '../xml/text-capture.js';
import { buildResult, jsPlaceContext, type BuildContext } from './build.js';
import { DialectSniffer, REPEATS_ARE_RERUNS } from './dialect.js';
import type { CaseDraft, Outcome, OutcomeKind, SuiteFrame } from './draft.js';
import { A } from './keys.js';
import { RerunBuffer } from './rerun-buffer.js';
import { SourceLookup } from './sources.js';
import { testFileIndex } from '../results/test-files.js';
import { StatedCounts } from './totals.js';
import { VitestNameReader, VitestPassBuilder } from './vitest-names.js';

// Element ids: indexes into NAMES.
const TESTSUITES = 0;
const TESTSUITE = 1;
const TESTCASE = 2;
const FAILURE = 3;
const ERROR = 4;
const SKIPPED = 5;
const FLAKY_FAILURE = 6;
const FLAKY_ERROR = 7;
const RERUN_FAILURE = 8;
const RERUN_ERROR = 9;
const SYSTEM_OUT = 10;
const SYSTEM_ERR = 11;
const STACK_TRACE = 12;
const PROPERTY = 13;
const TESTRUN = 14;

const NAMES = new NameTable(['testsuites', 'testsuite', 'testcase', 'failure', 'error', 'skipped', 'flakyFailure', 'flakyError', 'rerunFailure', 'rerunError', 'system-out', 'system-err', 'stackTrace', 'property', 'testrun']);
/** A test case's attributes, read in one pass over its tag (indexes into CASE_ATTRS's slots). */
const CASE_ATTRS = new AttrSet([A.classname, A.class, A.name, A.file, A.filepath, A.status, A.time, A.duration, A.line, A.assertions, A.failure]);
const C_CLASSNAME = 0;
const C_CLASS = 1;
const C_NAME = 2;
const C_FILE = 3;
const C_FILEPATH = 4;
const C_STATUS = 5;
const C_TIME = 6;
const C_DURATION = 7;
const C_LINE = 8;
const C_ASSERTIONS = 9;
const C_FAILURE = 10;
/** A failure-like element's attributes. */
const OUTCOME_ATTRS = new AttrSet([A.message, A.type, A.file, A.line]);
const O_MESSAGE = 0;
const O_TYPE = 1;
const O_FILE = 2;
const O_LINE = 3;

/** Shared by every case without failure elements (most of them): no array per passing test. */
const NO_OUTCOMES: Outcome[] = [];
const KINDS: OutcomeKind[] = ['failure', 'error', 'skipped', 'flakyFailure', 'flakyError', 'rerunFailure', 'rerunError'];

/** Output kept per test case: enough for a message and a capped stack. */
const OUTPUT_KEEP_BYTES = 16 * 1024;

const NOTHING = 0;
const INTO_OUTCOME = 1;
const INTO_OUTPUT = 2;

/** Root elements of JUnit-family reports (`testrun` is Eclipse's export). */
export const JUNIT_ROOTS = new Set(['testsuites', 'testsuite', 'testrun']);

/**
 * Turns scanner events of a JUnit report into TestResults: one per `<testcase>` (passes included) and
 * one per suite-level `<error>` (a suite whose setup crashed). Text is captured only inside failure-like
 * elements and a case's own output, so everything else streams past uncopied.
 */
export class JunitHandler implements XmlReportHandler {
  readonly names = NAMES;
  out: TestResult[] = [];

  private readonly sniffer = new DialectSniffer();
  private readonly ctx: BuildContext;
  private readonly stated = new StatedCounts();
  private readonly reruns = new RerunBuffer((r) => this.out.push(r));
  private suites: SuiteFrame[] = [];
  private draft: CaseDraft | undefined;
  private outcome: Outcome | undefined;
  /** Depth of elements nested inside the open outcome (Surefire's stackTrace/system-out children). */
  private outcomeDepth = 0;
  private target = NOTHING;
  private readonly text = new TextCapture();
  private readonly output = new TextCapture(OUTPUT_KEEP_BYTES);
  private outputOpen = false;
  private nameHash = 0;
  /** The dialect, once fixed, repeats a case to re-run it (pytest, go): set at the first case. */
  private repeatsAreReruns = false;
  private readonly spare: CaseDraft = { name: '', classname: undefined, file: undefined, line: undefined, durationMs: undefined, status: undefined, outcomes: NO_OUTCOMES, output: undefined, suite: { name: undefined, file: undefined, path: [], outcomes: [], unnamed: 0 } };
  private readonly classnameMemo = valueMemo();
  private readonly slots = new Int32Array(CASE_ATTRS.size);
  private readonly outcomeSlots = new Int32Array(OUTCOME_ATTRS.size);
  /** Failure types repeat (`AssertionError`): decoded once per run of equal bytes. */
  private readonly typeMemo = valueMemo();
  /** Set once the dialect is vitest: names read from their bytes, passing cases built directly. */
  private vitest: { names: VitestNameReader; passes: VitestPassBuilder } | undefined;
  /** The open case's name was read by `vitest.names` (draft.name is filled in only if needed). */
  private vitestName = false;
  /** `passes: 'count'`: a passing case yields COUNTED_PASS instead of a result built for it. */
  private readonly countPasses: boolean;

  constructor(
    private readonly scanner: XmlScanner,
    opts: XmlParseOptions,
  ) {
    const baseDir = opts.package ? opts.package.replace(/\\/g, '/').replace(/\/+$/, '') : undefined;
    const tests = testFileIndex(opts.repoRoot, baseDir);
    this.ctx = {
      repoRoot: opts.repoRoot,
      baseDir,
      package: opts.package,
      sources: new SourceLookup(path.join(opts.repoRoot, baseDir ?? ''), opts.goModule),
      tests,
      pytestFiles: new Map(),
      js: jsPlaceContext(opts.repoRoot, baseDir, tests),
    };
    this.onTotals = opts.onTotals;
    this.countPasses = opts.passes === 'count';
    scanner.wantComments = true;
  }

  private readonly onTotals: ((t: StatedTotals) => void) | undefined;

  onOpen(tag: Tag): void {
    const id = tag.nameId;
    if (this.outcome !== undefined) {
      this.outcomeDepth++;
      // Inside a rerun element: keep its stackTrace, skip its own system-out/err.
      if (id === SYSTEM_OUT || id === SYSTEM_ERR) this.setTarget(NOTHING);
      return;
    }
    switch (id) {
      case TESTCASE:
        this.openCase(tag);
        return;
      case TESTSUITE:
        this.openSuite(tag, false);
        return;
      case TESTSUITES:
      case TESTRUN:
        this.openSuite(tag, true);
        return;
      case FAILURE:
      case ERROR:
      case SKIPPED:
      case FLAKY_FAILURE:
      case FLAKY_ERROR:
      case RERUN_FAILURE:
      case RERUN_ERROR:
        this.openOutcome(tag, KINDS[id - FAILURE]!);
        return;
      case SYSTEM_OUT:
      case SYSTEM_ERR:
        if (this.draft !== undefined && !tag.selfClosing) {
          this.outputOpen = true;
          this.setTarget(INTO_OUTPUT);
        }
        return;
      case PROPERTY:
        this.sniffer.property(tag.get(A.name));
        return;
    }
  }

  onClose(id: number): void {
    if (this.outcome !== undefined) {
      if (this.outcomeDepth > 0) {
        this.outcomeDepth--;
        if (id === SYSTEM_OUT || id === SYSTEM_ERR) this.setTarget(INTO_OUTCOME);
        return;
      }
      this.closeOutcome();
      return;
    }
    switch (id) {
      case TESTCASE:
        this.closeCase();
        return;
      case TESTSUITE:
      case TESTSUITES:
      case TESTRUN:
        this.closeSuite();
        return;
      case SYSTEM_OUT:
      case SYSTEM_ERR:
        if (this.outputOpen) {
          this.outputOpen = false;
          this.setTarget(NOTHING);
        }
        return;
    }
  }

  onText(buf: Buffer, start: number, end: number, cdata: boolean): void {
    if (this.target === INTO_OUTCOME) this.text.add(buf, start, end, cdata);
    else if (this.target === INTO_OUTPUT) this.output.add(buf, start, end, cdata);
  }

  onComment(text: string): void {
    // node:test writes its totals as comments at the end of the root: <!-- tests 6 -->.
    if (this.suites.length === 1) this.stated.comment(text);
  }

  finish(): void {
    this.reruns.flushAll();
    const totals = this.stated.totals();
    if (totals && this.onTotals) this.onTotals(totals);
  }

  abort(): void {
    this.reruns.flushAll();
  }

  private setTarget(t: number): void {
    this.target = t;
    this.scanner.wantText = t !== NOTHING;
  }

  private openSuite(tag: Tag, isRoot: boolean): void {
    const parent = this.suites[this.suites.length - 1];
    let name = tag.get(A.name);
    if (this.suites.length === 0) this.sniffer.root(isRoot ? name : undefined);
    // jest-junit names a file's suite after its first describe, "undefined" when there is none.
    if (name === 'undefined' && this.sniffer.dialect === 'jest') name = undefined;
    if (!isRoot) this.sniffer.suite(name, tag.get(A.hostname), tag.get(A.schema), tag.has(A.assertions), tag.get(A.file));
    this.stated.suite(tag, this.suites.length, isRoot);
    const inherited = parent?.path ?? [];
    this.suites.push({
      name: isRoot ? undefined : name,
      file: tag.get(A.file) ?? tag.get(A.filepath) ?? parent?.file,
      path: isRoot || name === undefined || name === '' ? inherited : [...inherited, name],
      outcomes: [],
      unnamed: 0,
    });
    this.reruns.enter();
  }

  private closeSuite(): void {
    const suite = this.suites.pop();
    if (suite === undefined) return;
    if (suite.outcomes.length > 0) {
      const failure = this.suiteFailure(suite);
      if (REPEATS_ARE_RERUNS.has(this.sniffer.dialect)) this.reruns.add(failure, 0);
      else this.out.push(failure);
    }
    this.reruns.leave();
  }

  /** A suite-level error with no test case: the suite's setup crashed; reported as one errored result. */
  private suiteFailure(suite: SuiteFrame): TestResult {
    const draft: CaseDraft = {
      name: '(suite setup)',
      classname: undefined,
      file: undefined,
      line: undefined,
      durationMs: undefined,
      status: undefined,
      outcomes: suite.outcomes.map((o) => (o.kind === 'failure' ? { ...o, kind: 'error' } : o)),
      output: undefined,
      suite: { ...suite, path: suite.path.length ? suite.path : [suite.name ?? ''] },
    };
    return buildResult(draft, this.sniffer.dialect, this.ctx);
  }

  private openCase(tag: Tag): void {
    let suite = this.suites[this.suites.length - 1];
    if (this.suites.length === 1) this.stated.caseAtRoot();
    if (suite === undefined) {
      suite = { name: undefined, file: undefined, path: [], outcomes: [], unnamed: 0 };
      this.suites.push(suite);
      this.reruns.enter();
    }
    const at = this.slots;
    CASE_ATTRS.collect(tag, at);
    if (this.countPasses && tag.selfClosing && this.sniffer.isLocked && !this.repeatsAreReruns && at[C_STATUS] === -1 && plainNameAt(tag, at[C_NAME]!)) {
      // A case with no children and no status attribute passed (see closeCase): counted, nothing read.
      this.draft = undefined;
      if (this.output.empty === false) this.output.reset();
      this.out.push(COUNTED_PASS);
      return;
    }
    const classname = at[C_CLASSNAME] !== -1 ? tag.repeatedAt(at[C_CLASSNAME]!, this.classnameMemo) : at[C_CLASS] !== -1 ? tag.valueAt(at[C_CLASS]!) : undefined;
    const nameAt = at[C_NAME]!;
    let name = '';
    this.vitestName = false;
    if (this.vitest !== undefined && nameAt !== -1 && this.vitest.names.read(tag.buf, tag.valueStart(nameAt), tag.valueEnd(nameAt))) this.vitestName = true;
    else if (nameAt !== -1) {
      // Trimmed: jest-junit's "{classname} {title}" template leaves a leading space on top-level tests.
      const rawName = tag.valueAt(nameAt);
      name = rawName.charCodeAt(0) === 32 || rawName.charCodeAt(rawName.length - 1) === 32 ? rawName.trim() : rawName;
    }
    const file = at[C_FILE] !== -1 ? tag.valueAt(at[C_FILE]!) : at[C_FILEPATH] !== -1 ? tag.valueAt(at[C_FILEPATH]!) : undefined;
    const status = at[C_STATUS] !== -1 ? tag.valueAt(at[C_STATUS]!) : undefined;
    const timeAt = at[C_TIME]!;
    let seconds: number | undefined;
    if (timeAt !== -1) {
      seconds = tag.numberAt(timeAt);
      if (Number.isNaN(seconds)) seconds = parseSecondsText(tag.valueAt(timeAt));
    }
    if (seconds === undefined && at[C_DURATION] !== -1) seconds = parseSecondsText(tag.valueAt(at[C_DURATION]!));
    const line = at[C_LINE] !== -1 ? tag.numberAt(at[C_LINE]!) : undefined;
    if (!this.sniffer.isLocked) {
      this.sniffer.testcase({ classname, name, status, hasAssertions: at[C_ASSERTIONS] !== -1, hasFile: file !== undefined, file, nodeFailureAttr: at[C_FAILURE] !== -1 });
      const dialect = this.sniffer.dialect;
      this.repeatsAreReruns = REPEATS_ARE_RERUNS.has(dialect);
      if (dialect === 'vitest') this.vitest = { names: new VitestNameReader(), passes: new VitestPassBuilder(this.ctx) };
    }
    if (this.repeatsAreReruns) this.nameHash = nameAt === -1 ? 0 : tag.valueHashAt(nameAt);
    // One draft object, refilled for every case: it lives only until the case closes.
    const draft = this.spare;
    draft.name = name;
    draft.classname = classname;
    draft.file = file;
    draft.line = line !== undefined && Number.isInteger(line) && line >= 0 ? line : undefined;
    draft.durationMs = secondsToMs(seconds);
    draft.status = status;
    draft.outcomes = NO_OUTCOMES;
    draft.output = undefined;
    draft.suite = suite;
    this.draft = draft;
    if (this.output.empty === false) this.output.reset();
  }

  private closeCase(): void {
    const draft = this.draft;
    if (draft === undefined) return;
    this.draft = undefined;
    if (!this.output.empty) {
      draft.output = this.output.text().trim() || undefined;
      this.output.reset();
    }
    // Only counted: no outcome and no status attribute is always a pass (buildResult's PASSED), and
    // nothing later reads it. Not where a repeat may merge it into a flaky result (pytest, go), nor for
    // an unnamed case (its "(unnamed n)" number advances the suite's count as it is built).
    if (this.countPasses && draft.outcomes.length === 0 && draft.status === undefined && !this.repeatsAreReruns && (this.vitestName ? this.vitest!.names.title !== '' || this.vitest!.names.parents !== undefined : draft.name !== '')) {
      this.out.push(COUNTED_PASS);
      return;
    }
    let result: TestResult | undefined;
    if (this.vitestName) {
      const names = this.vitest!.names;
      // Most cases pass: built directly from the title and describe path.
      if (draft.outcomes.length === 0 && draft.status === undefined) result = this.vitest!.passes.build(draft, names);
      if (result === undefined) draft.name = names.parents === undefined ? names.title : `${names.parents} > ${names.title}`;
    }
    result ??= buildResult(draft, this.sniffer.dialect, this.ctx);
    // Elsewhere a repeated name is another test (jest and mocha allow duplicate titles, TestNG data
    // providers repeat the method): only producers that repeat a case to re-run it are merged.
    if (this.repeatsAreReruns) this.reruns.add(result, this.nameHash);
    else this.out.push(result);
  }

  private openOutcome(tag: Tag, kind: OutcomeKind): void {
    if (kind.startsWith('flaky') || kind.startsWith('rerun')) this.sniffer.surefireElement();
    const at = this.outcomeSlots;
    OUTCOME_ATTRS.collect(tag, at);
    const outcome: Outcome = { kind, message: at[O_MESSAGE] === -1 ? undefined : tag.valueAt(at[O_MESSAGE]!), type: at[O_TYPE] === -1 ? undefined : tag.repeatedAt(at[O_TYPE]!, this.typeMemo) };
    if (at[O_FILE] !== -1) outcome.file = tag.valueAt(at[O_FILE]!);
    if (at[O_LINE] !== -1) {
      const line = tag.numberAt(at[O_LINE]!);
      if (Number.isInteger(line) && line > 0) outcome.line = line;
    }
    const draft = this.draft;
    if (draft !== undefined) {
      if (draft.outcomes === NO_OUTCOMES) draft.outcomes = [];
      draft.outcomes.push(outcome);
    } else {
      const suite = this.suites[this.suites.length - 1];
      if (suite === undefined || (kind !== 'error' && kind !== 'failure')) return;
      suite.outcomes.push(outcome);
    }
    if (tag.selfClosing) return;
    this.outcome = outcome;
    this.outcomeDepth = 0;
    this.text.reset();
    this.setTarget(INTO_OUTCOME);
  }

  private closeOutcome(): void {
    const outcome = this.outcome!;
    this.outcome = undefined;
    const body = this.text.empty ? '' : this.text.text().trim();
    if (body !== '') outcome.body = body;
    this.text.reset();
    this.setTarget(this.outputOpen ? INTO_OUTPUT : NOTHING);
  }
}

/**
 * The name attribute at span `at` starts with a printable ASCII byte other than `&`: its text, trimmed
 * or split as a vitest name, cannot be empty (an empty name is numbered as it is built).
 */
function plainNameAt(tag: Tag, at: number): boolean {
  if (at === -1) return false;
  const start = tag.valueStart(at);
  if (start === tag.valueEnd(at)) return false;
  const c = tag.buf[start]!;
  return c > 32 && c < 127 && c !== 38;
}

function parseSecondsText(text: string | undefined): number | undefined {
  const ms = parseSeconds(text);
  return ms === undefined ? undefined : ms / 1000;
}
