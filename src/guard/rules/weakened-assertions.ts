import type { Assertion, TestCase } from '../testmodel/model.js';
import type { Rule, RuleFinding } from './types.js';

const count = (xs: Assertion[], s: Assertion['strength']): number => xs.filter((a) => a.strength === s).length;

function multisetDiff(a: string[], b: string[]): { gone: string[]; came: string[] } {
  const m = new Map<string, number>();
  for (const x of a) m.set(x, (m.get(x) ?? 0) + 1);
  const came: string[] = [];
  for (const x of b) {
    const n = m.get(x) ?? 0;
    if (n > 0) m.set(x, n - 1);
    else came.push(x);
  }
  const gone = [...m].flatMap(([x, n]) => Array<string>(n).fill(x));
  return { gone, came };
}

const short = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}...` : s);

/** Compares one test's assertions before and after; returns at most one finding (the strongest). */
export function compareTest(base: TestCase, head: TestCase, fileAssertionsDropped: boolean): RuleFinding | undefined {
  const b = base.assertions;
  const h = head.assertions;
  const newTrivial = h.filter((a) => a.strength === 'trivial' && !b.some((x) => x.text === a.text));
  if (count(h, 'trivial') > count(b, 'trivial') && newTrivial[0]) {
    return { message: `'${head.name}': assertion that cannot fail: \`${short(newTrivial[0].text)}\``, line: newTrivial[0].line };
  }
  if (h.length < b.length) {
    const msg = `'${head.name}' has ${b.length - h.length} fewer assertion(s) (${b.length} → ${h.length})`;
    // Assertions moved into a new test of the same file are a refactor a human can confirm.
    if (!fileAssertionsDropped) return { message: `${msg}; the file's total did not drop`, line: head.line, severity: 'approval' };
    // Only guard checks (`if err != nil { t.Fatal(err) }`, `assert x`) gone, e.g. into a helper: a human decides.
    if (count(h, 'exact') >= count(b, 'exact')) return { message: `${msg}; only existence/error checks, the exact ones remain`, line: head.line, severity: 'approval' };
    return { message: msg, line: head.line };
  }
  if (count(h, 'exact') < count(b, 'exact') && count(h, 'weak') > count(b, 'weak')) {
    const weak = h.find((a) => a.strength === 'weak' && !b.some((x) => x.text === a.text)) ?? h.find((a) => a.strength === 'weak')!;
    const exact = b.find((a) => a.strength === 'exact' && !h.some((x) => x.text === a.text));
    return { message: `'${head.name}': exact assertion${exact ? ` \`${short(exact.text)}\`` : ''} replaced by a weaker \`${weak.matcher}\``, line: weak.line };
  }
  const expected = multisetDiff(b.flatMap((a) => (a.expected !== undefined ? [a.expected] : [])), h.flatMap((a) => (a.expected !== undefined ? [a.expected] : [])));
  if (expected.gone.length > 0 && expected.came.length > 0) {
    const changed = h.find((a) => a.expected === expected.came[0]);
    return { message: `'${head.name}': expected value changed (${short(expected.gone[0]!)} → ${short(expected.came[0]!)}); confirm the old expectation was wrong`, line: changed?.line ?? head.line, severity: 'approval' };
  }
  const lits = multisetDiff(base.literals, head.literals);
  if (lits.gone.length > 0 && lits.came.length > 0 && h.length > 0) {
    return { message: `'${head.name}': values in the test changed (${short(lits.gone.join(', '))} → ${short(lits.came.join(', '))}); confirm the expectation, not just the output, was wrong`, line: head.line, severity: 'approval' };
  }
  return undefined;
}

/** Tests kept but made weaker: fewer assertions, toBeTruthy for toBe(x), tautologies, changed expectations. */
export const weakenedAssertions: Rule = {
  id: 'weakened-assertions',
  description: 'The patch weakens a test: fewer assertions, an exact check replaced by toBeTruthy/assert x, a tautology, or an expected value changed',
  severity: 'block',
  async run(ctx) {
    const out: RuleFinding[] = [];
    for (const f of ctx.files) {
      if (f.status === 'added' || f.status === 'deleted' || !ctx.isTestFile(f.path)) continue;
      const [base, head] = [await ctx.tests('base', f), await ctx.tests('head', f)];
      if (!base || !head) continue;
      const total = (ts: TestCase[]): number => ts.reduce((n, t) => n + t.assertions.length, 0);
      const fileDropped = total(head.tests) < total(base.tests);
      const unmatched = base.tests.filter((t) => !head.tests.some((x) => x.name === t.name));
      for (const ht of head.tests) {
        // A renamed test (the only one that disappeared) is compared with its old self.
        const bt = base.tests.find((t) => t.name === ht.name) ?? (unmatched.length === 1 && !base.tests.some((t) => t.name === ht.name) && head.tests.length === base.tests.length ? unmatched[0] : undefined);
        if (!bt) continue;
        const finding = compareTest(bt, ht, fileDropped);
        if (finding) out.push({ ...finding, file: f.path });
      }
    }
    return out;
  },
};
