import { capMessage, capStack, type TestResult } from '../../events/test-result.js';
import { errorClassOf, isGenericMessage, messageFromBody, stripClassPrefix } from '../xml/message.js';
import { FRAMEWORK, type Dialect } from './dialect.js';
import type { CaseDraft, Outcome } from './draft.js';
import { inRepo } from '../xml/stack.js';
import { locate, type LocationContext } from './location.js';
import { pytestNodeId, pytestPlace } from './pytest-ids.js';
import { reproCommand } from './repro.js';
import { verdictOf, type Verdict } from './status.js';

const PASSED: Verdict = { status: 'passed', primary: undefined, ordered: [] };

export interface BuildContext extends LocationContext {
  package: string | undefined;
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
 * so a test keeps its id whether it passes or fails.
 */
export function testIdOf(draft: CaseDraft, dialect: Dialect, name: string, ctx: LocationContext): string {
  if (dialect === 'pytest') {
    const place = pytestPlace(draft.classname, draft.name, draft.file);
    if (place) return pytestNodeId(place, name);
  }
  // CTest's suite is the build name (differs per machine); its test names are unique in the project.
  if (dialect === 'ctest') return name;
  const scope = scopeOf(draft, dialect, name, ctx);
  return scope ? `${scope}::${name}` : name;
}

/** A file as the id shows it: repository-relative when it is inside, so ids do not depend on the checkout path. */
function idPath(file: string, ctx: LocationContext): string {
  return inRepo(file, ctx.repoRoot, ctx.baseDir) ?? file.replace(/\\/g, '/');
}

function scopeOf(draft: CaseDraft, dialect: Dialect, name: string, ctx: LocationContext): string {
  if (draft.file) return idPath(draft.file, ctx);
  if (draft.suite.file) return idPath(draft.suite.file, ctx);
  const cls = draft.classname?.trim();
  const meaningful = cls && cls !== name && !name.endsWith(cls) && !(dialect === 'node' && cls === 'test');
  if (meaningful) return cls;
  return draft.suite.path.join(' > ');
}

export function buildResult(draft: CaseDraft, dialect: Dialect, ctx: BuildContext): TestResult {
  const name = draft.name !== '' ? draft.name : `(unnamed ${++draft.suite.unnamed})`;
  // Most cases pass: no outcome, no status attribute, nothing to weigh.
  const verdict = draft.outcomes.length === 0 && draft.status === undefined ? PASSED : verdictOf(draft, outcomeMessage);
  const result: TestResult = {
    kind: 'test',
    framework: FRAMEWORK[dialect],
    test_id: testIdOf(draft, dialect, name, ctx),
    status: verdict.status,
    name,
  };
  const suite = dialect === 'node' ? draft.suite.path.join(' > ') : draft.suite.name;
  if (suite) result.suite = suite;
  if (draft.durationMs !== undefined) result.duration_ms = draft.durationMs;
  if (ctx.package) result.package = ctx.package;
  if (verdict.status === 'passed') {
    if (draft.file) Object.assign(result, locate(draft, undefined, dialect, ctx));
    return result;
  }

  const primary = verdict.primary;
  if (primary) {
    const errorClass = errorClassOf(primary.type, primary.message, primary.body);
    // A failure with neither message nor text (CTest): the case's own output says what happened.
    const own = outcomeMessage(primary) || (draft.output ? messageFromBody(draft.output) : '');
    const messages = [stripClassPrefix(own, errorClass)];
    for (const o of verdict.ordered) {
      if (o === primary) continue;
      const m = outcomeMessage(o);
      if (m && !messages.includes(m)) messages.push(`[${TAGS[o.kind]}] ${m}`);
    }
    const message = messages.join('\n').trim();
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
    if (draft.file) Object.assign(result, locate(draft, undefined, dialect, ctx));
    return result;
  }
  const where = locate(draft, primary, dialect, ctx);
  Object.assign(result, where);
  const pytest = dialect === 'pytest' ? pytestPlace(draft.classname, draft.name, draft.file) : undefined;
  const repro = reproCommand({
    dialect,
    name,
    classname: draft.classname,
    file: where.file,
    baseDir: ctx.baseDir,
    suiteName: draft.suite.name,
    pytest: pytest && where.file && dialect === 'pytest' ? { ...pytest, file: where.file } : pytest,
    goPackageDir: dialect === 'go' ? ctx.sources.goPackageDir(draft.classname || draft.suite.name || '') : undefined,
  });
  if (repro) result.repro_cmd = repro;
  return result;
}
