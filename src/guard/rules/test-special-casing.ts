import ts from 'typescript';
import type { Syntax } from '../context.js';
import { langOf } from '../lang.js';
import { rowOf, walkTs } from '../syntax/ts.js';
import { walkTree } from '../syntax/treesitter.js';
import { norm } from '../testmodel/model.js';
import { introducedIn, type Occurrence, type Rule, type RuleFinding } from './types.js';

interface Sniff {
  re: RegExp;
  label: string;
}

const JS_SNIFFS: Sniff[] = [
  { re: /NODE_ENV['"\]]?\s*[!=]==?\s*['"`]test['"`]|['"`]test['"`]\s*[!=]==?\s*process\.env(\.NODE_ENV|\[['"]NODE_ENV['"]\])/, label: "checks `NODE_ENV === 'test'`" },
  { re: /process\.env(\.|\[['"])(VITEST|VITEST_WORKER_ID|VITEST_POOL_ID|JEST_WORKER_ID|MOCHA_WORKER_ID|NODE_TEST_CONTEXT|AVA_PATH|TAP)\b/, label: 'reads a test runner\'s environment variable' },
  { re: /^typeof\s+(jest|vi|vitest|describe|it|expect|mocha|jasmine)$/, label: 'checks whether a test framework global exists' },
  { re: /expect\.getState\(\)|currentTestName|__vitest_worker__|__VITEST__|globalThis\.__jest/, label: 'reads the running test\'s name' },
  { re: /process\.argv\b.*\b(jest|vitest|mocha|ava|--test)\b|\b(jest|vitest|mocha)\b.*process\.argv/, label: 'checks the command line for a test runner' },
];

const PY_SNIFFS: Sniff[] = [
  { re: /['"](pytest|_pytest|unittest|nose|nose2)['"]\s+(not\s+)?in\s+sys\.modules/, label: 'checks `sys.modules` for a test framework' },
  { re: /PYTEST_CURRENT_TEST|PYTEST_VERSION|PYTEST_XDIST_WORKER/, label: 'reads pytest\'s environment variables' },
  { re: /sys\.argv\b.*\b(pytest|py\.test|unittest)\b|\b(pytest|unittest)\b.*\bsys\.argv/, label: 'checks the command line for a test runner' },
  { re: /\bsys\._called_from_test\b|\bos\.environ(\.get\(|\[)\s*['"](TESTING|UNITTEST|PYTEST)['"]/, label: 'checks a test-mode flag' },
];

const GO_SNIFFS: Sniff[] = [
  { re: /\btesting\.Testing\(\)/, label: 'checks `testing.Testing()`' },
  { re: /flag\.Lookup\(\s*"test\.\w+"\s*\)/, label: 'checks for the `-test.*` flags' },
  { re: /os\.Args\[0\].*\.test\b|strings\.(HasSuffix|Contains)\(\s*os\.Args\[0\]/, label: 'checks whether the binary is a test binary' },
  { re: /os\.Getenv\(\s*"(GO_TEST|TESTING|GOTEST)"\s*\)/, label: 'reads a test-mode environment variable' },
];

const TRIGGER = /test|Test|TEST|jest|vitest|VITEST|mocha|JEST|pytest|PYTEST|unittest|expect\.getState|sys\.modules|os\.Args|flag\.Lookup|argv/;

function match(text: string, sniffs: Sniff[]): Sniff | undefined {
  return sniffs.find((s) => s.re.test(text));
}

function jsSniffs(syn: Syntax & { kind: 'js' }): Occurrence[] {
  const out: Occurrence[] = [];
  const seen = new Set<number>();
  walkTs(syn.sf, (n) => {
    if (!(ts.isBinaryExpression(n) || ts.isTypeOfExpression(n) || ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n) || ts.isCallExpression(n))) return;
    // `import.meta.vitest` is vitest's in-source testing, a documented feature, not a special case.
    const text = n.getText(syn.sf);
    if (/import\.meta\.vitest/.test(text)) return;
    const s = match(text, JS_SNIFFS);
    const line = syn.line(rowOf(syn.sf, n));
    if (s && !seen.has(line)) {
      seen.add(line);
      out.push({ key: `${s.label}\0${norm(text)}`, line, label: s.label });
    }
  });
  return out;
}

function treeSniffs(syn: Syntax & { kind: 'tree' }): Occurrence[] {
  const sniffs = syn.lang === 'python' ? PY_SNIFFS : GO_SNIFFS;
  const kinds = syn.lang === 'python' ? new Set(['comparison_operator', 'call', 'subscript', 'attribute', 'boolean_operator']) : new Set(['call_expression', 'binary_expression', 'index_expression']);
  const out: Occurrence[] = [];
  const seen = new Set<number>();
  walkTree(syn.root, (n) => {
    if (n.type === 'comment' || n.type === 'string' || n.type === 'interpreted_string_literal') return false;
    if (!kinds.has(n.type)) return true;
    const s = match(n.text, sniffs);
    const line = syn.line(n.startPosition.row);
    if (s && !seen.has(line)) {
      seen.add(line);
      out.push({ key: `${s.label}\0${norm(n.text)}`, line, label: s.label });
      return false;
    }
    return true;
  });
  return out;
}

export function testSniffs(syn: Syntax): Occurrence[] {
  if (syn.kind === 'js') return jsSniffs(syn);
  if (syn.kind === 'tree') return treeSniffs(syn);
  return [];
}

const SUPPORTED = new Set(['ts', 'js', 'python', 'go']);

/** Production code that behaves differently under test passes tests without fixing anything. */
export const testSpecialCasing: Rule = {
  id: 'test-special-casing',
  description: "The patch makes non-test code detect tests (NODE_ENV === 'test', \"pytest\" in sys.modules, testing.Testing(), reading the test name)",
  severity: 'block',
  async run(ctx) {
    const out: RuleFinding[] = [];
    for (const f of ctx.files) {
      if (f.status === 'deleted' || !SUPPORTED.has(langOf(f.path)) || ctx.isTestFile(f.path)) continue;
      if (!f.added.some((l) => TRIGGER.test(l.text))) continue;
      for (const o of await introducedIn(ctx, f, testSniffs)) {
        out.push({ message: `source special-cases tests: ${o.label}`, file: f.path, line: o.line });
      }
    }
    return out;
  },
};
