import ts from 'typescript';
import type { Syntax } from '../context.js';
import { langOf } from '../lang.js';
import { calleeName, rowOf, walkTs } from '../syntax/ts.js';
import { field, walkTree, type Node } from '../syntax/treesitter.js';
import { norm } from '../testmodel/model.js';
import { introducedIn, type Occurrence, type Rule, type RuleFinding } from './types.js';

const TRIGGER = /exit|Exit|quit|kill|SystemExit|Goexit|return/;
/** Test setup files run in the test process too (jest/vitest setup, conftest.py, TestMain). */
const SETUP_FILE = /(^|\/)([^/]*setup[^/]*\.[cm]?[jt]s|conftest\.py|(jest|vitest|vite|mocha)\.config\.[cm]?[jt]s|\.mocharc\.[cm]?js)$/i;

function jsExits(syn: Syntax & { kind: 'js' }): Occurrence[] {
  const out: Occurrence[] = [];
  walkTs(syn.sf, (n) => {
    const line = (): number => syn.line(rowOf(syn.sf, n));
    if (ts.isCallExpression(n)) {
      const c = calleeName(n.expression) ?? '';
      if (/^(process\.(exit|reallyExit|abort)|Deno\.exit)$/.test(c) || (c === 'process.kill' && /process\.pid/.test(n.arguments[0]?.getText(syn.sf) ?? ''))) {
        out.push({ key: norm(n.getText(syn.sf)), line: line(), label: `\`${norm(n.getText(syn.sf))}\`` });
      }
    } else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && /^process\.exitCode$/.test(norm(n.left.getText(syn.sf)))) {
      out.push({ key: norm(n.getText(syn.sf)), line: line(), label: `\`${norm(n.getText(syn.sf))}\`` });
    }
  });
  return out;
}

function inTestMain(n: Node): boolean {
  for (let p = n.parent; p; p = p.parent) if (p.type === 'function_declaration') return field(p, 'name')?.text === 'TestMain';
  return false;
}

function treeExits(syn: Syntax & { kind: 'tree' }): Occurrence[] {
  const out: Occurrence[] = [];
  walkTree(syn.root, (n) => {
    const line = syn.line(n.startPosition.row);
    if (syn.lang === 'python') {
      if (n.type === 'call' && /^(sys\.exit|exit|quit|os\._exit|os\.abort|pytest\.exit)$/.test(field(n, 'function')?.text ?? '')) out.push({ key: norm(n.text), line, label: `\`${norm(n.text)}\`` });
      else if (n.type === 'raise_statement' && /\bSystemExit\b|\bKeyboardInterrupt\b/.test(n.text)) out.push({ key: norm(n.text), line, label: `\`${norm(n.text)}\`` });
    } else if (n.type === 'call_expression') {
      const fn = field(n, 'function')?.text ?? '';
      const arg = field(n, 'arguments')?.text ?? '';
      // TestMain's `os.Exit(m.Run())` is how Go test binaries end; any other exit skips the tests.
      if ((fn === 'os.Exit' && !(inTestMain(n) && !/^\(\s*0\s*\)$/.test(arg))) || fn === 'runtime.Goexit' || fn === 'syscall.Exit') {
        out.push({ key: norm(n.text), line, label: `\`${norm(n.text)}\`` });
      }
    }
    return true;
  });
  return out;
}

function exitsIn(syn: Syntax): Occurrence[] {
  if (syn.kind === 'js') return jsExits(syn);
  if (syn.kind === 'tree') return treeExits(syn);
  return [];
}

const SUPPORTED = new Set(['ts', 'js', 'python', 'go']);

/** Tests that end the process or return before asserting report success without checking anything. */
export const exitEarly: Rule = {
  id: 'exit-early',
  description: 'The patch makes tests exit early (process.exit(0), sys.exit(0), os.Exit(0), a return before the assertions)',
  severity: 'block',
  async run(ctx) {
    const out: RuleFinding[] = [];
    for (const f of ctx.files) {
      if (f.status === 'deleted' || !SUPPORTED.has(langOf(f.path)) || !(ctx.isTestFile(f.path) || SETUP_FILE.test(f.path))) continue;
      if (!f.added.some((l) => TRIGGER.test(l.text))) continue;
      // A helper script under test/ (a fake CLI, a fixture server) may exit: only files that hold tests,
      // or set them up, are judged.
      if (!SETUP_FILE.test(f.path) && ((await ctx.tests('head', f))?.tests.length ?? 0) === 0) continue;
      for (const o of await introducedIn(ctx, f, exitsIn)) {
        out.push({ message: `test process exits early: ${o.label}`, file: f.path, line: o.line });
      }
      const [bt, ht] = [await ctx.tests('base', f), await ctx.tests('head', f)];
      for (const t of ht?.tests ?? []) {
        if (t.earlyReturn === undefined || !ctx.addedLines(f).has(t.earlyReturn)) continue;
        const before = bt?.tests.find((x) => x.name === t.name);
        if (before?.earlyReturn !== undefined) continue;
        out.push({ message: `'${t.name}' returns before its assertions run`, file: f.path, line: t.earlyReturn });
      }
    }
    return out;
  },
};
