import { capMessage, capStack, type TestResult } from '../../events/test-result.js';
import { errorClassOf, isGenericMessage, messageFromBody, stripClassPrefix } from '../xml/message.js';
import { FRAMEWORK, type Dialect } from './dialect.js';
import type { CaseDraft, Outcome } from './draft.js';
import { inRepo } from '../xml/stack.js';
import { locate, type LocationContext } from './location.js';
import { jsPlace, jsTestId, JS_DIALECTS, type JsPlaceContext } from './js-ids.js';
import { pytestNodeId, pytestPlace, type PytestPlace } from './pytest-ids.js';
import { reproCommand } from './repro.js';
import type { TestFileIndex } from '../results/test-files.js';
import { verdictOf, type Verdict } from './status.js';

const PASSED: Verdict = { status: 'passed', primary: undefined, ordered: [] };

export interface BuildContext extends LocationContext {
  package: string | undefined;
  /** The repository's test files, for reports that name a test but not its file (built on first use). */
  tests: TestFileIndex;
  /** pytest module paths (rootdir-relative) made repository-relative, cached. */
  pytestFiles: Map<string, string>;
  /** What JavaScript places are built from (js-ids.ts). */
  js: JsPlaceContext;
}

/** The JavaScript place context of a report: its test-file index and memoised path conversions. */
export function jsPlaceContext(repoRoot: string, baseDir: string | undefined, tests: TestFileIndex): JsPlaceContext {
  const rel = (f: string | undefined): string | undefined => (f ? inRepo(f, repoRoot, baseDir) : undefined);
  let lastClass: string | undefined;
  let lastFile: string | undefined;
  let lastPrefix: string | undefined;
  return {
    tests,
    rel,
    vitestFile(classname) {
      if (classname !== lastClass) {
        lastClass = classname;
        lastFile = rel(classname);
        lastPrefix = lastFile === undefined ? undefined : `${lastFile}::`;
      }
      return lastFile;
    },
    vitestPrefix: () => lastPrefix,
  };
}

const TAGS: Record<Outcome['kind'], string> = {
  error: 'error',
  failure: 'failure',
  skipped: 'skipped',
  flakyFailure: 'flaky failure',
  flakyError: 'flaky error',
  rerunFailure: 'rerun failure',
  rerunError: 'rerun error',
};

/** An outcome's own message: the attribute unless it only says "Failed", else the body's first part. */
export function outcomeMessage(o: Outcome): string {
  // node:test writes message="true" on skipped and todo tests.
  const attr = o.kind === 'skipped' && o.message === 'true' ? undefined : o.message?.trim();
  if (attr && !(isGenericMessage(attr) && o.body)) return attr;
  if (o.body) return messageFromBody(o.body);
  return attr ?? o.type?.trim() ?? '';
}

/**
 * The stable id: what the report says about the test's place (file, else classname, else the suite
 * file or the chain of suite names) and its name. Never durations, order or anything from the stack,
 * so a test keeps its id whether it passes or fails. JavaScript dialects: js-ids.ts; pytest: the node id
 * with the module's repository-relative path.
 */
export function testIdOf(draft: CaseDraft, dialect: Dialect, name: string, ctx: BuildContext): string {
  if (dialect === 'pytest') {
    const place = pytestPlace(draft.classname, draft.name, draft.file);
    if (place) return pytestNodeId({ ...place, file: pytestFile(place.file, ctx) }, name);
  }
  // CTest's suite is the build name (differs per machine); its test names are unique in the project.
  if (dialect === 'ctest') return name;
  const scope = scopeOf(draft, dialect, name, ctx);
  return scope ? `${scope}::${name}` : name;
}

/**
 * A pytest path (relative to pytest's rootdir, where it ran) made repository-relative: under the
 * workspace package when one is given; else as written when it exists at the repository root; else
 * the one test file in the repository whose path ends with it (a package of a monorepo).
 */
export function pytestFile(file: string, ctx: BuildContext): string {
  const known = ctx.pytestFiles.get(file);
  if (known !== undefined) return known;
  const slashed = file.replace(/\\/g, '/');
  let found = inRepo(slashed, ctx.repoRoot, ctx.baseDir);
  if (found !== undefined && ctx.baseDir === undefined && !slashed.startsWith('/') && !ctx.sources.exists(found)) found = ctx.tests.bySuffix(found) ?? found;
  const result = found ?? slashed;
  ctx.pytestFiles.set(file, result);
  return result;
}

/** A file as the id shows it: repository-relative when it is inside, so ids do not depend on the checkout path. */
function idPath(file: string, ctx: LocationContext): string {
  return inRepo(file, ctx.repoRoot, ctx.baseDir) ?? file.replace(/\\/g, '/');
}

function scopeOf(draft: CaseDraft, dialect: Dialect, name: string, ctx: LocationContext): string {
  if (draft.file) return idPath(draft.file, ctx);
  if (draft.suite.file) return idPath(draft.suite.file, ctx);
  const cls = draft.classname?.trim();
  const meaningful = cls && cls !== name && !name.endsWith(cls);
  if (meaningful) return cls;
  return draft.suite.path.join(' > ');
}

/** The place pytest re-runs: the module's repository-relative path (the id's), not the inherited function's file. */
function pytestRepro(place: PytestPlace, ctx: BuildContext): PytestPlace {
  return { ...place, file: pytestFile(place.file, ctx) };
}

export function buildResult(draft: CaseDraft, dialect: Dialect, ctx: BuildContext): TestResult {
  let name = draft.name !== '' ? draft.name : `(unnamed ${++draft.suite.unnamed})`;
  // vitest writes a test file that failed to load as a case named after the file; its JSON report
  // calls that "(test file)" (the id both give it).
  if (dialect === 'vitest' && name === draft.classname) name = '(test file)';
  // A package that failed outside any test (a panic in init, TestMain): go-junit-report writes a case
  // named "Failure", gotestsum one named "TestMain" (neither can be a Go test); go test -json's own
  // report of it is "(package)", so both become that.
  else if (dialect === 'go' && (name === 'Failure' || name === 'TestMain') && draft.outcomes.length > 0) name = '(package)';
  // Most cases pass: no outcome, no status attribute, nothing to weigh.
  let verdict = draft.outcomes.length === 0 && draft.status === undefined ? PASSED : verdictOf(draft, outcomeMessage);
  if (dialect === 'go' && name === '(package)' && verdict.status === 'failed') verdict = { ...verdict, status: 'errored' };
  // Where the test lives and what it is called. vitest, the commonest large report, is read without
  // building title arrays: its name already holds the titles joined by " > ".
  let testId: string;
  let title = name;
  let suite: string | undefined;
  let known: string | undefined;
  let fullName: string | undefined;
  let pytest: PytestPlace | undefined;
  if (dialect === 'vitest') {
    known = ctx.js.vitestFile(draft.classname);
    if (known !== undefined) testId = ctx.js.vitestPrefix() + name;
    else {
      known = draft.file === undefined ? undefined : ctx.js.rel(draft.file);
      testId = known === undefined ? name : `${known}::${name}`;
    }
    const cut = name.lastIndexOf(' > ');
    if (cut !== -1) {
      suite = name.slice(0, cut);
      title = name.slice(cut + 3);
    }
  } else if (JS_DIALECTS.has(dialect)) {
    const js = jsPlace(draft, dialect, name, ctx.js);
    testId = jsTestId(js);
    title = js.titles[js.titles.length - 1]!;
    if (js.titles.length > 1) suite = js.titles.slice(0, -1).join(' > ');
    known = js.file;
    fullName = js.fullName;
  } else {
    testId = testIdOf(draft, dialect, name, ctx);
    suite = draft.suite.name || undefined;
    if (dialect === 'pytest') {
      pytest = pytestPlace(draft.classname, draft.name, draft.file);
      // The file the case is known to live in, whatever its outcome: pytest's module (or the
      // inherited function's file), repository-relative.
      if (pytest) known = pytestFile(draft.file ?? pytest.file, ctx);
    }
  }
  const result: TestResult = { kind: 'test', framework: FRAMEWORK[dialect], test_id: testId, status: verdict.status, name: title };
  if (suite !== undefined) result.suite = suite;
  if (draft.durationMs !== undefined) result.duration_ms = draft.durationMs;
  if (ctx.package) result.package = ctx.package;
  if (verdict.status === 'passed') {
    if (known !== undefined && draft.line === undefined) result.file = known;
    else if (draft.file || known) Object.assign(result, locate(draft, undefined, dialect, ctx, known));
    return result;
  }

  const primary = verdict.primary;
  if (primary) {
    const errorClass = errorClassOf(primary.type, primary.message, primary.body);
    // A failure with neither message nor text (CTest): the case's own output says what happened.
    const own = outcomeMessage(primary) || (draft.output ? messageFromBody(draft.output) : '');
    let message = stripClassPrefix(own, errorClass);
    if (verdict.ordered.length > 1) {
      const messages = [message];
      for (const o of verdict.ordered) {
        if (o === primary) continue;
        const m = outcomeMessage(o);
        if (m && !messages.includes(m)) messages.push(`[${TAGS[o.kind]}] ${m}`);
      }
      message = messages.join('\n');
    }
    message = message.trim();
    if (message) result.message = capMessage(message);
    if (errorClass) result.error_class = errorClass;
    const stack = primary.body ?? (verdict.status !== 'skipped' ? draft.output : undefined);
    if (stack && verdict.status !== 'skipped') result.stack = capStack(stack);
  } else if (draft.output && verdict.status !== 'skipped') {
    result.message = capMessage(messageFromBody(draft.output));
    result.stack = capStack(draft.output);
  }
  if (verdict.flaky) result.flaky = verdict.flaky;
  if (verdict.status === 'skipped') {
    if (draft.file || known) Object.assign(result, locate(draft, undefined, dialect, ctx, known));
    return result;
  }
  const where = locate(draft, primary, dialect, ctx, known);
  if (where.file !== undefined) result.file = where.file;
  if (where.line !== undefined) result.line = where.line;
  const repro = reproCommand({
    dialect,
    name: title,
    fullName: fullName ?? (dialect === 'vitest' ? name.replaceAll(' > ', ' ') : undefined),
    classname: draft.classname,
    file: known ?? where.file,
    baseDir: ctx.baseDir,
    suiteName: draft.suite.name,
    pytest: pytest ? pytestRepro(pytest, ctx) : undefined,
    goPackageDir: dialect === 'go' ? ctx.sources.goPackageDir(draft.classname || draft.suite.name || '') : undefined,
  });
  if (repro) result.repro_cmd = repro;
  return result;
}
