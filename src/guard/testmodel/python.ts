import { field, walkTree, type Node } from '../syntax/treesitter.js';
import { norm, type Assertion, type AssertionStrength, type TestCase, type TestFileModel } from './model.js';
import { operatorOf, row1, statementsOf } from './treeutil.js';

const LITERAL = new Set(['integer', 'float', 'string', 'true', 'false', 'none', 'concatenated_string']);
const CONSTANT = new Set(['integer', 'float', 'true', 'false', 'none']);
const WEAK_UNITTEST = new Set(['assertTrue', 'assertFalse', 'assertIsNotNone', 'assertIsInstance', 'assertNotEqual', 'assertNotEquals', 'assert_', 'failUnless', 'assertNotIn', 'assertIsNot']);

function unwrapDecorated(n: Node): { def: Node; decorators: Node[] } | undefined {
  if (n.type === 'function_definition') return { def: n, decorators: [] };
  if (n.type === 'decorated_definition') {
    const def = field(n, 'definition');
    if (def?.type === 'function_definition') return { def, decorators: n.namedChildren.filter((c): c is Node => c?.type === 'decorator') };
  }
  return undefined;
}

function classifyAssertStatement(n: Node): { strength: AssertionStrength; matcher: string; expected?: string } {
  const test = n.namedChild(0);
  if (!test) return { strength: 'weak', matcher: 'assert' };
  if (CONSTANT.has(test.type) || test.type === 'string') return { strength: test.type === 'false' || test.type === 'none' ? 'exact' : 'trivial', matcher: 'assert' };
  if (test.type === 'comparison_operator') {
    const op = operatorOf(test);
    const left = test.namedChild(0);
    const right = test.namedChild(test.namedChildCount - 1);
    if (left && right && norm(left.text) === norm(right.text) && !/not|!=/.test(op)) return { strength: 'trivial', matcher: op };
    if (left && right && CONSTANT.has(left.type) && CONSTANT.has(right.type)) return { strength: 'trivial', matcher: op };
    if (/^(is not|!=)$/.test(op) && right && (right.type === 'none')) return { strength: 'weak', matcher: op };
    if (op === '!=' || op === 'not in') return { strength: 'weak', matcher: op, expected: norm(right?.text ?? '') };
    return { strength: 'exact', matcher: op, expected: norm(right?.text ?? '') };
  }
  if (test.type === 'call' && /^(isinstance|hasattr|callable|bool|len)$/.test(field(test, 'function')?.text ?? '')) return { strength: 'weak', matcher: field(test, 'function')!.text };
  return { strength: 'weak', matcher: 'assert' };
}

function classifyCall(n: Node): { strength: AssertionStrength; matcher: string; expected?: string } | undefined {
  const fn = field(n, 'function');
  if (!fn) return undefined;
  const args = (field(n, 'arguments')?.namedChildren ?? []).filter((a): a is Node => a !== null && a.type !== 'keyword_argument' && a.type !== 'comment');
  if (fn.type === 'attribute') {
    const name = field(fn, 'attribute')?.text ?? '';
    const obj = field(fn, 'object')?.text ?? '';
    if (/^(assert[A-Z_]\w*|fail[A-Z]\w*)$/.test(name) && (obj === 'self' || obj === 'cls' || obj.endsWith('TestCase'))) {
      if (args[0] && CONSTANT.has(args[0].type) && name !== 'assertFalse' && name !== 'assertIsNone') return { strength: 'trivial', matcher: name };
      if (args.length >= 2 && norm(args[0]!.text) === norm(args[1]!.text) && !/Not/.test(name)) return { strength: 'trivial', matcher: name };
      const r = { strength: (WEAK_UNITTEST.has(name) ? 'weak' : 'exact') as AssertionStrength, matcher: name };
      return args.length >= 2 ? { ...r, expected: norm(args[1]!.text) } : r;
    }
    // mock.assert_called_once_with(...), pytest.raises(...), numpy.testing.assert_equal(...)
    if (/^assert_(called|not_called|any_call|has_calls|awaited)/.test(name)) {
      return { strength: /_with$|has_calls|any_call/.test(name) ? 'exact' : 'weak', matcher: name, expected: args.map((a) => norm(a.text)).join(', ') };
    }
    if ((obj === 'pytest' && (name === 'raises' || name === 'warns')) || /\.testing$/.test(obj)) {
      return { strength: args.length > 0 ? 'exact' : 'weak', matcher: `${obj}.${name}`, expected: args.map((a) => norm(a.text)).join(', ') };
    }
  }
  return undefined;
}

function literalsAndAssertions(body: Node): { assertions: Assertion[]; literals: string[] } {
  const assertions: Assertion[] = [];
  const literals: string[] = [];
  const docstring = statementsOf(body)[0];
  walkTree(body, (n) => {
    if (LITERAL.has(n.type)) {
      const isDoc = docstring?.type === 'expression_statement' && docstring.namedChild(0)?.id === n.id;
      if (!isDoc) literals.push(norm(n.text));
      return false;
    }
    let c: { strength: AssertionStrength; matcher: string; expected?: string } | undefined;
    if (n.type === 'assert_statement') c = classifyAssertStatement(n);
    else if (n.type === 'call') c = classifyCall(n);
    if (c) {
      const a: Assertion = { line: row1(n), strength: c.strength, matcher: c.matcher, text: norm(n.text) };
      if (c.expected) a.expected = c.expected;
      assertions.push(a);
    }
    return true;
  });
  return { assertions, literals };
}

function earlyReturn(body: Node, assertions: Assertion[]): number | undefined {
  const stmts = statementsOf(body);
  const start = stmts[0]?.type === 'expression_statement' && stmts[0].namedChild(0)?.type === 'string' ? 1 : 0;
  for (let i = start; i < stmts.length; i++) {
    const st = stmts[i]!;
    const ifTrue = st.type === 'if_statement' && field(st, 'condition')?.type === 'true' && statementsOf(field(st, 'consequence')).some((s) => s.type === 'return_statement');
    if (st.type === 'return_statement' || ifTrue) {
      const line = row1(st);
      return i === start || assertions.some((a) => a.line > line) ? line : undefined;
    }
  }
  return undefined;
}

function parametrizeCases(decorators: Node[]): number | undefined {
  let total: number | undefined;
  for (const d of decorators) {
    const call = d.namedChild(0);
    if (call?.type !== 'call' || !/(^|\.)mark\.parametrize$/.test(field(call, 'function')?.text ?? '')) continue;
    const values = field(call, 'arguments')?.namedChildren.filter((a): a is Node => a !== null && a.type !== 'comment')[1];
    if (values && (values.type === 'list' || values.type === 'tuple')) total = (total ?? 1) * values.namedChildren.filter((c) => c?.type !== 'comment').length;
  }
  return total;
}

function testCase(def: Node, decorators: Node[], prefix: string): TestCase {
  const body = field(def, 'body')!;
  const { assertions, literals } = literalsAndAssertions(body);
  const t: TestCase = { name: prefix + (field(def, 'name')?.text ?? '?'), line: row1(def), endLine: def.endPosition.row + 1, assertions, literals };
  const early = earlyReturn(body, assertions);
  if (early !== undefined) t.earlyReturn = early;
  const cases = parametrizeCases(decorators);
  if (cases !== undefined) t.cases = cases;
  return t;
}

/** pytest/unittest tests: `def test_*` at module level and in `class Test*` or TestCase subclasses. */
export function extractPythonTests(root: Node): TestFileModel {
  const tests: TestCase[] = [];
  for (const top of statementsOf(root)) {
    const fn = unwrapDecorated(top);
    if (fn && /^test/.test(field(fn.def, 'name')?.text ?? '')) {
      tests.push(testCase(fn.def, fn.decorators, ''));
      continue;
    }
    const cls = top.type === 'decorated_definition' ? field(top, 'definition') : top;
    if (cls?.type !== 'class_definition') continue;
    const cname = field(cls, 'name')?.text ?? '';
    const bases = field(cls, 'superclasses')?.text ?? '';
    if (!/^Test/.test(cname) && !/TestCase|Test\b/.test(bases)) continue;
    for (const member of statementsOf(field(cls, 'body'))) {
      const m = unwrapDecorated(member);
      if (m && /^test/.test(field(m.def, 'name')?.text ?? '')) tests.push(testCase(m.def, m.decorators, `${cname}.`));
    }
  }
  return { tests };
}
