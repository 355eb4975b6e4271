import ts from 'typescript';
import { calleeName, rowOf, endRowOf } from '../syntax/ts.js';
import { norm, type Assertion, type AssertionStrength, type TestCase, type TestFileModel } from './model.js';

const TEST_ROOTS = new Set(['it', 'test', 'specify', 'xit', 'xtest', 'xspecify', 'fit', 'ftest', 'Deno.test']);
const SUITE_ROOTS = new Set(['describe', 'context', 'suite', 'xdescribe', 'xcontext', 'fdescribe', 'xsuite']);
const MODIFIERS = new Set(['only', 'skip', 'todo', 'concurrent', 'sequential', 'each()', 'failing', 'fails', 'skipIf()', 'runIf()', 'fixme', 'serial', 'parallel', 'describe', 'for()']);

/** 'test' | 'suite' for a call's callee (`it.each([...])`, `describe.skip`, `test.describe.parallel`), else undefined. */
export function testCallKind(callee: string): 'test' | 'suite' | undefined {
  const parts = callee.split('.');
  let root = parts.shift()!;
  if (root === 'Deno' && parts[0] === 'test') root = `Deno.${parts.shift()!}`;
  if (!parts.every((p) => MODIFIERS.has(p))) return undefined;
  if (SUITE_ROOTS.has(root) || (root === 'test' && parts.includes('describe'))) return 'suite';
  if (TEST_ROOTS.has(root)) return 'test';
  return undefined;
}

function isFn(n: ts.Node): n is ts.ArrowFunction | ts.FunctionExpression {
  return ts.isArrowFunction(n) || ts.isFunctionExpression(n);
}

function nameOf(arg: ts.Expression | undefined, sf: ts.SourceFile): string {
  if (!arg) return '(anonymous)';
  if (ts.isStringLiteralLike(arg)) return arg.text;
  return norm(arg.getText(sf));
}

const LITERAL_KINDS = new Set([ts.SyntaxKind.TrueKeyword, ts.SyntaxKind.FalseKeyword, ts.SyntaxKind.NullKeyword]);
function isLiteral(e: ts.Expression): boolean {
  return ts.isStringLiteralLike(e) || ts.isNumericLiteral(e) || LITERAL_KINDS.has(e.kind) || (ts.isIdentifier(e) && e.text === 'undefined') ||
    (ts.isPrefixUnaryExpression(e) && ts.isNumericLiteral(e.operand)) || (ts.isArrayLiteralExpression(e) && e.elements.length === 0) ||
    (ts.isObjectLiteralExpression(e) && e.properties.length === 0);
}

const WEAK_EXPECT = new Set(['toBeTruthy', 'toBeFalsy', 'toBeDefined', 'ok', 'exist', 'exists', 'toHaveBeenCalled', 'toBeCalled', 'called', 'toBeInstanceOf', 'instanceOf', 'instanceof', 'a', 'an', 'toBeTypeOf']);
const WEAK_ASSERT = new Set(['assert', 'ok', 'truthy', 'falsy', 'isOk', 'isNotOk', 'isDefined', 'exists', 'notEqual', 'notStrictEqual', 'notDeepEqual', 'notDeepStrictEqual', 'isNotNull', 'isNotUndefined', 'notOk', 'not', 'called', 'isTrue', 'isFalse', 'true', 'false']);
const ASSERT_NAMES = /^(assert|ok|equal|equals|strictEqual|deepEqual|deepStrictEqual|notEqual|notStrictEqual|notDeepEqual|notDeepStrictEqual|throws|doesNotThrow|rejects|doesNotReject|match|doesNotMatch|fail|is|not|truthy|falsy|true|false|like|same|notSame|pass|snapshot|isTrue|isFalse|isOk|isNotOk|isDefined|isUndefined|isNull|isNotNull|exists|include|includes|lengthOf|calledWith|calledOnceWith|called|plan)$/;

interface ExpectChain {
  subject: ts.Expression | undefined;
  path: string[];
}

/** Unwinds `expect(x).not.resolves.toBe(y)` into its subject and the names after `expect(...)`. */
function expectChain(expr: ts.Expression): ExpectChain | undefined {
  const path: string[] = [];
  let e: ts.Expression = expr;
  for (;;) {
    if (ts.isPropertyAccessExpression(e)) {
      path.unshift(e.name.text);
      e = e.expression;
    } else if (ts.isCallExpression(e)) {
      const c = calleeName(e.expression);
      if (c === 'expect' || c === 'expect.soft' || c === 'expect.poll' || c === 'chai.expect') return { subject: e.arguments[0], path };
      e = e.expression;
    } else if (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) {
      e = e.expression;
    } else return undefined;
  }
}

function argsText(args: readonly ts.Expression[], sf: ts.SourceFile): string {
  return args.map((a) => norm(a.getText(sf))).join(', ');
}

function classifyExpect(chain: ExpectChain, args: readonly ts.Expression[], sf: ts.SourceFile): { strength: AssertionStrength; matcher: string } {
  const matcher = chain.path[chain.path.length - 1] ?? 'expect';
  const negated = chain.path.includes('not');
  const subject = chain.subject;
  const argText = argsText(args, sf);
  if (subject && isLiteral(subject) && !ts.isStringLiteralLike(subject)) return { strength: 'trivial', matcher };
  if (subject && args.length === 1 && norm(subject.getText(sf)) === argText && !negated) return { strength: 'trivial', matcher };
  if (WEAK_EXPECT.has(matcher) || /expect\.(anything|any)\(/.test(argText)) return { strength: 'weak', matcher };
  if (negated && (args.length === 0 || /^(null|undefined)$/.test(argText) || matcher.startsWith('toBe') || matcher === 'equal')) return { strength: 'weak', matcher: `not.${matcher}` };
  if ((matcher === 'toThrow' || matcher === 'toThrowError' || matcher === 'throw') && args.length === 0) return { strength: 'weak', matcher };
  return { strength: 'exact', matcher };
}

function classifyAssert(name: string, args: readonly ts.Expression[], sf: ts.SourceFile): { strength: AssertionStrength; expected?: string } {
  const last = name.split('.').pop()!;
  const first = args[0];
  if (first && isLiteral(first) && !ts.isStringLiteralLike(first) && last !== 'fail' && last !== 'plan') return { strength: 'trivial' };
  if (args.length >= 2 && norm(args[0]!.getText(sf)) === norm(args[1]!.getText(sf)) && !/^not/.test(last)) return { strength: 'trivial' };
  const expected = args.length >= 2 ? norm(args[1]!.getText(sf)) : undefined;
  if (last === 'assert' || last === 'ok' || last === 'true' || last === 'truthy') {
    // assert(a === b) compares; assert(x) only checks truthiness.
    if (first && ts.isBinaryExpression(first) && /^(===|==|!==|!=|<|>|<=|>=)$/.test(first.operatorToken.getText(sf))) {
      return { strength: 'exact', expected: norm(first.right.getText(sf)) };
    }
    return { strength: 'weak' };
  }
  if (WEAK_ASSERT.has(last)) return expected === undefined ? { strength: 'weak' } : { strength: 'weak', expected };
  return expected === undefined ? { strength: 'exact' } : { strength: 'exact', expected };
}

function assertionsIn(body: ts.Node, sf: ts.SourceFile, testParam: string | undefined): { assertions: Assertion[]; literals: string[] } {
  const assertions: Assertion[] = [];
  const literals: string[] = [];
  const push = (node: ts.Node, strength: AssertionStrength, matcher: string, expected: string | undefined): void => {
    const a: Assertion = { line: rowOf(sf, node) + 1, strength, matcher, text: norm(node.getText(sf)) };
    if (expected !== undefined && expected !== '') a.expected = expected;
    assertions.push(a);
  };
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteralLike(n) || ts.isNumericLiteral(n) || LITERAL_KINDS.has(n.kind)) literals.push(norm(n.getText(sf)));
    if (ts.isCallExpression(n)) {
      const callee = calleeName(n.expression);
      const chain = callee === 'expect' ? undefined : expectChain(n.expression);
      if (chain && chain.path.length > 0) {
        const { strength, matcher } = classifyExpect(chain, n.arguments, sf);
        push(n, strength, matcher, argsText(n.arguments, sf));
        // Do not descend into the chain itself (the inner expect() call is not a second assertion).
        n.arguments.forEach(visit);
        if (chain.subject) visit(chain.subject);
        return;
      }
      if (callee) {
        const parts = callee.split('.');
        const isAssert = parts[0] === 'assert' || parts.includes('assert') || parts.includes('should') ||
          (testParam !== undefined && parts[0] === testParam && parts.length >= 2 && ASSERT_NAMES.test(parts[parts.length - 1]!));
        if (isAssert && !/\.plan$/.test(callee)) {
          const c = classifyAssert(callee, n.arguments, sf);
          push(n, c.strength, callee, c.expected);
        }
      }
    } else if (ts.isExpressionStatement(n) && ts.isPropertyAccessExpression(n.expression)) {
      // chai property assertions: expect(x).to.be.true;
      const chain = expectChain(n.expression);
      if (chain && chain.path.length > 0) {
        const matcher = chain.path[chain.path.length - 1]!;
        const trivial = chain.subject !== undefined && isLiteral(chain.subject) && !ts.isStringLiteralLike(chain.subject);
        push(n, trivial ? 'trivial' : WEAK_EXPECT.has(matcher) || chain.path.includes('not') ? 'weak' : 'exact', matcher, undefined);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  return { assertions, literals };
}

/** A top-level `return` in the body that comes before an assertion (everything after it never runs). */
function earlyReturn(fn: ts.ArrowFunction | ts.FunctionExpression, sf: ts.SourceFile, assertions: Assertion[]): number | undefined {
  if (!ts.isBlock(fn.body)) return undefined;
  for (const st of fn.body.statements) {
    const isReturn = ts.isReturnStatement(st) && (st.expression === undefined || !ts.isCallExpression(st.expression) && !ts.isAwaitExpression(st.expression));
    const ifReturn = ts.isIfStatement(st) && st.expression.kind === ts.SyntaxKind.TrueKeyword && (ts.isReturnStatement(st.thenStatement) || (ts.isBlock(st.thenStatement) && st.thenStatement.statements.some(ts.isReturnStatement)));
    if (isReturn || ifReturn) {
      const line = rowOf(sf, st) + 1;
      return assertions.some((a) => a.line > line) || fn.body.statements.indexOf(st) === 0 ? line : undefined;
    }
  }
  return undefined;
}

function tableCases(call: ts.CallExpression): number | undefined {
  // it.each([...])('name', fn): the outer call's callee is the inner `.each([...])` call.
  if (ts.isCallExpression(call.expression)) {
    const arg = call.expression.arguments[0];
    if (arg && ts.isArrayLiteralExpression(arg)) return arg.elements.length;
  }
  return undefined;
}

/** Every test (`it`/`test`/... with a function body) in a JS/TS file, named by its describe path. */
export function extractJsTests(sf: ts.SourceFile): TestFileModel {
  const tests: TestCase[] = [];
  const visit = (n: ts.Node, prefix: string[]): void => {
    if (ts.isCallExpression(n)) {
      const callee = calleeName(n.expression);
      const kind = callee ? testCallKind(callee) : undefined;
      const fn = [...n.arguments].reverse().find(isFn);
      if (kind && fn) {
        const name = nameOf(n.arguments[0], sf);
        if (kind === 'suite') {
          ts.forEachChild(fn.body, (c) => visit(c, [...prefix, name]));
          return;
        }
        const param = fn.parameters[0] && ts.isIdentifier(fn.parameters[0].name) ? fn.parameters[0].name.text : undefined;
        const { assertions, literals } = assertionsIn(fn.body, sf, param);
        const t: TestCase = { name: [...prefix, name].join(' > '), line: rowOf(sf, n) + 1, endLine: endRowOf(sf, n) + 1, assertions, literals };
        const early = earlyReturn(fn, sf, assertions);
        if (early !== undefined) t.earlyReturn = early;
        const cases = tableCases(n);
        if (cases !== undefined) t.cases = cases;
        tests.push(t);
        return;
      }
    }
    ts.forEachChild(n, (c) => visit(c, prefix));
  };
  visit(sf, []);
  return { tests };
}
