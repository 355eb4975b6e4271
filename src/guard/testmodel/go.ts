import { field, walkTree, type Node } from '../syntax/treesitter.js';
import { norm, type Assertion, type AssertionStrength, type TestCase, type TestFileModel } from './model.js';
import { row1, statementsOf } from './treeutil.js';

const TEST_NAME = /^(Test|Benchmark|Fuzz|Example)($|[^a-z])/;
const FAIL_METHODS = /^(Error|Errorf|Fatal|Fatalf|Fail|FailNow)$/;
const LITERAL = new Set(['int_literal', 'float_literal', 'interpreted_string_literal', 'raw_string_literal', 'rune_literal', 'true', 'false', 'nil']);
const CONSTANT = new Set(['int_literal', 'float_literal', 'true', 'false', 'nil', 'interpreted_string_literal', 'raw_string_literal']);
const EXACT_TESTIFY = /^(Equal|Equalf|EqualValues|Exactly|ElementsMatch|Len|Contains|ErrorIs|ErrorAs|ErrorContains|EqualError|JSONEq|YAMLEq|InDelta|InEpsilon|Regexp|Subset|Panics|PanicsWithValue|PanicsWithError|Same|Greater|GreaterOrEqual|Less|LessOrEqual|WithinDuration|IsType|Implements|Eventually|DirExists|FileExists)f?$/;

/** The receiver of t.Errorf(...) must be the test's own *testing.T/B/F parameter. */
function paramName(fn: Node): string | undefined {
  const p = field(fn, 'parameters')?.namedChildren[0];
  if (!p || !/\*testing\.[TBFM]\b/.test(p.text)) return undefined;
  return field(p, 'name')?.text;
}

function conditionStrength(cond: Node | undefined): { strength: AssertionStrength; expected?: string } {
  if (!cond) return { strength: 'exact' };
  if (cond.type === 'true') return { strength: 'trivial' };
  if (cond.type === 'false') return { strength: 'trivial' };
  if (cond.type === 'binary_expression') {
    const op = field(cond, 'operator')?.text ?? '';
    const l = field(cond, 'left');
    const r = field(cond, 'right');
    if (op === '||' || op === '&&') return { strength: 'exact' };
    if (l && r && norm(l.text) === norm(r.text)) return { strength: 'trivial' };
    if (l && r && CONSTANT.has(l.type) && CONSTANT.has(r.type)) return { strength: 'trivial' };
    if (r?.type === 'nil' || l?.type === 'nil') return { strength: 'weak' };
    return { strength: 'exact', expected: norm(r?.text ?? '') };
  }
  return { strength: 'weak' };
}

function enclosingIf(n: Node, stop: Node): Node | undefined {
  for (let p = n.parent; p && p.id !== stop.id; p = p.parent) if (p.type === 'if_statement') return p;
  return undefined;
}

function testifyCall(call: Node): { strength: AssertionStrength; matcher: string; expected?: string } | undefined {
  const fn = field(call, 'function');
  if (fn?.type !== 'selector_expression') return undefined;
  const pkg = field(fn, 'operand')?.text;
  const name = field(fn, 'field')?.text ?? '';
  if (pkg !== 'assert' && pkg !== 'require') return undefined;
  const args = field(call, 'arguments')?.namedChildren.filter((a): a is Node => a !== null && a.type !== 'comment') ?? [];
  const matcher = `${pkg}.${name}`;
  const [, a1, a2] = args;
  if ((name === 'True' || name === 'False') && a1 && CONSTANT.has(a1.type)) return { strength: 'trivial', matcher };
  if (a1 && a2 && norm(a1.text) === norm(a2.text) && !/^Not/.test(name)) return { strength: 'trivial', matcher };
  if (EXACT_TESTIFY.test(name)) return a1 ? { strength: 'exact', matcher, expected: norm(a1.text) } : { strength: 'exact', matcher };
  return { strength: 'weak', matcher };
}

function tableCases(body: Node): number | undefined {
  for (const st of statementsOf(body)) {
    if (st.type !== 'short_var_declaration' && st.type !== 'var_declaration' && st.type !== 'assignment_statement') continue;
    let found: number | undefined;
    walkTree(st, (n) => {
      if (found !== undefined) return false;
      if (n.type === 'composite_literal' && field(n, 'type')?.type === 'slice_type' || n.type === 'composite_literal' && field(n, 'type')?.type === 'map_type') {
        found = field(n, 'body')?.namedChildren.filter((c) => c?.type === 'literal_element' || c?.type === 'keyed_element').length ?? 0;
        return false;
      }
      return true;
    });
    if (found !== undefined) return found;
  }
  return undefined;
}

function goTest(fn: Node): TestCase {
  const t = paramName(fn);
  const body = field(fn, 'body')!;
  const assertions: Assertion[] = [];
  const literals: string[] = [];
  walkTree(body, (n) => {
    if (LITERAL.has(n.type)) {
      const call = n.parent?.parent;
      const callee = call?.type === 'call_expression' ? field(call, 'function')?.text ?? '' : '';
      // Message strings of t.Errorf/t.Run are not expectations.
      if (!/\.(Error|Errorf|Fatal|Fatalf|Log|Logf|Run|Skip|Skipf)$/.test(callee)) literals.push(norm(n.text));
      return false;
    }
    if (n.type !== 'call_expression') return true;
    const f = field(n, 'function');
    if (f?.type === 'selector_expression' && t !== undefined && field(f, 'operand')?.text === t && FAIL_METHODS.test(field(f, 'field')?.text ?? '')) {
      const c = conditionStrength(field(enclosingIf(n, body) ?? n, 'condition'));
      const a: Assertion = { line: row1(n), strength: c.strength, matcher: `${t}.${field(f, 'field')!.text}`, text: norm((enclosingIf(n, body) ?? n).text.split('{')[0] ?? '') };
      if (c.expected) a.expected = c.expected;
      assertions.push(a);
      return true;
    }
    const ty = testifyCall(n);
    if (ty) {
      const a: Assertion = { line: row1(n), strength: ty.strength, matcher: ty.matcher, text: norm(n.text) };
      if (ty.expected) a.expected = ty.expected;
      assertions.push(a);
    }
    return true;
  });
  const tc: TestCase = { name: field(fn, 'name')?.text ?? '?', line: row1(fn), endLine: fn.endPosition.row + 1, assertions, literals };
  const stmts = statementsOf(body);
  const ret = stmts.findIndex((s) => s.type === 'return_statement');
  if (ret >= 0) {
    const line = row1(stmts[ret]!);
    if (ret === 0 || assertions.some((a) => a.line > line)) tc.earlyReturn = line;
  }
  const cases = tableCases(body);
  if (cases !== undefined) tc.cases = cases;
  return tc;
}

/** `func TestXxx(t *testing.T)` (and Benchmark/Fuzz/Example) in a _test.go file; TestMain is not a test. */
export function extractGoTests(root: Node): TestFileModel {
  const tests: TestCase[] = [];
  for (const top of root.namedChildren) {
    if (top?.type !== 'function_declaration') continue;
    const name = field(top, 'name')?.text ?? '';
    if (!TEST_NAME.test(name) || name === 'TestMain') continue;
    if (!name.startsWith('Example') && paramName(top) === undefined) continue;
    tests.push(goTest(top));
  }
  return { tests };
}
