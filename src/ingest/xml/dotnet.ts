import { capMessage, capStack, type TestResult, type TestStatus } from '../../events/test-result.js';
import { shellJoin } from '../../util/shell.js';
import { errorClassOf, messageFromBody, stripClassPrefix } from './message.js';
import { testFrame } from './stack.js';

/**
 * What the .NET formats (TRX, NUnit 2/3, xUnit.net v2) have in common once read: a class, a method,
 * a display name, an outcome, a message, a stack. One place builds the TestResult from it.
 */
export interface DotnetCase {
  framework: string;
  /** `Ns.Class` (assembly qualification removed). */
  className: string | undefined;
  /** The method, without arguments: what `dotnet test --filter` names. */
  method: string | undefined;
  /** The display name (arguments and custom names included), without the class prefix. */
  name: string;
  status: TestStatus;
  durationMs: number | undefined;
  message?: string;
  stack?: string;
  /** The exception type when the format states it (xUnit.net's exception-type). */
  exceptionType?: string;
  /** Standard output, used when there is no message (skip reasons in StdOut). */
  output?: string;
  file?: string;
  line?: number;
}

export interface DotnetContext {
  repoRoot: string;
  baseDir: string | undefined;
  package: string | undefined;
}

/** `Ns.Class, Assembly, Version=1.0.0.0, ...` -> `Ns.Class`. */
export function bareClassName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const comma = name.indexOf(',');
  return (comma === -1 ? name : name.slice(0, comma)).trim() || undefined;
}

/** `Ns.Class.Method(a: 1, b: "x.y")` -> [`Ns.Class`, `Method(a: 1, b: "x.y")`]. */
export function splitQualified(full: string): [string | undefined, string] {
  const paren = full.indexOf('(');
  const head = paren === -1 ? full : full.slice(0, paren);
  const dot = head.lastIndexOf('.');
  if (dot <= 0) return [undefined, full];
  return [full.slice(0, dot), full.slice(dot + 1)];
}

/** The method part of a display name: `Method(i: 2)` -> `Method`. */
export function methodOf(name: string): string {
  const paren = name.indexOf('(');
  return (paren === -1 ? name : name.slice(0, paren)).trim();
}

// What MSTest and NUnit put in front of the exception: "Test method X threw exception: \nSystem.Y: ...",
// "OneTimeSetUp: System.Y : ...", "TearDown : System.Y : ...".
const WRAPPER = /^(?:Test method \S+ threw exception:\s*|(?:OneTime)?(?:SetUp|TearDown)\s*:\s*)/;

function unwrap(message: string): string {
  return WRAPPER.test(message) ? message.replace(WRAPPER, '') : message;
}

export function buildDotnetResult(c: DotnetCase, ctx: DotnetContext): TestResult {
  const result: TestResult = {
    kind: 'test',
    framework: c.framework,
    test_id: c.className ? `${c.className}::${c.name || '(unnamed)'}` : c.name || '(unnamed)',
    status: c.status,
    name: c.name,
  };
  if (c.className) result.suite = c.className;
  if (c.durationMs !== undefined) result.duration_ms = c.durationMs;
  if (ctx.package) result.package = ctx.package;
  if (c.status === 'passed') return result;
  const rawMessage = unwrap(c.message?.trim() || (c.output ? messageFromBody(c.output) : '')) || undefined;
  if (c.status === 'skipped') {
    if (rawMessage) result.message = capMessage(rawMessage);
    return result;
  }
  const errorClass = errorClassOf(c.exceptionType, rawMessage, c.stack);
  if (rawMessage) result.message = capMessage(stripClassPrefix(rawMessage, errorClass));
  if (errorClass) result.error_class = errorClass;
  if (c.stack?.trim()) result.stack = capStack(c.stack.trim());
  const frame = c.file ? undefined : testFrame(c.stack, ctx.repoRoot, ctx.baseDir);
  const file = c.file ?? frame?.repoFile;
  const line = c.file ? c.line : frame?.line;
  if (file) result.file = file;
  if (file && line) result.line = line;
  if (c.className && c.method) result.repro_cmd = shellJoin(['dotnet', 'test', '--filter', `FullyQualifiedName=${c.className}.${c.method}`]);
  return result;
}
