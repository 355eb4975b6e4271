import ts from 'typescript';
import type { Severity } from '../../events/index.js';
import type { Syntax } from '../context.js';
import { langOf } from '../lang.js';
import { calleeName, rowOf, walkTs } from '../syntax/ts.js';
import { field, walkTree } from '../syntax/treesitter.js';
import { norm } from '../testmodel/model.js';
import { testCallKind } from '../testmodel/js.js';
import { introducedIn, type Occurrence, type Rule, type RuleFinding } from './types.js';

type Found = Occurrence & { severity: Severity };

const TRIGGER = /skip|only|todo|fixme|\bx(it|test|describe|context|specify)\b|\bf(it|describe|test)\b|xfail|expectedFailure|Skip|ignore|Disabled|Ignore|__test__|importorskip/;

function jsMarkers(syn: Syntax & { kind: 'js' }): Found[] {
  const out: Found[] = [];
  const sf = syn.sf;
  walkTs(sf, (n) => {
    if (!ts.isCallExpression(n)) return;
    const callee = calleeName(n.expression);
    if (!callee) return;
    const at = (label: string, severity: Severity = 'block'): void => {
      out.push({ key: `${label}\0${norm(callee)}\0${norm(n.arguments[0]?.getText(sf) ?? '')}`, line: syn.line(rowOf(sf, n)), label, severity });
    };
    const kind = testCallKind(callee);
    const parts = callee.split('.');
    if (kind) {
      const root = parts[0]!;
      if (parts.includes('only') || /^f(it|describe|test)$/.test(root)) return at(`focused test \`${callee}\` (only these run)`);
      if (parts.includes('skip') || /^x/.test(root)) return at(`skipped test \`${callee}\``);
      if (parts.includes('todo')) return at(`test turned into a todo \`${callee}\``);
      if (parts.includes('fixme')) return at(`test marked \`${callee}\``);
      if (parts.includes('skipIf()') || parts.includes('runIf()')) return at(`conditionally skipped test \`${callee}\``, 'approval');
      // node:test options: test('x', { skip: true }, fn)
      const opts = n.arguments.find(ts.isObjectLiteralExpression);
      const flag = opts?.properties.find((p) => p.name && ts.isIdentifier(p.name) && /^(skip|only|todo)$/.test(p.name.text) && !(ts.isPropertyAssignment(p) && p.initializer.kind === ts.SyntaxKind.FalseKeyword));
      if (flag) return at(`test with \`{ ${flag.name!.getText(sf)} }\``);
    } else if (/^(this|t|ctx|context|test)\.skip$|^t\.todo$/.test(callee)) {
      return at(`\`${callee}()\` inside a test`);
    }
  });
  return out;
}

const PY_DECORATOR = /^@\s*(pytest\.mark\.(skip|skipif|xfail)|mark\.(skip|skipif|xfail)|unittest\.(skip|skipIf|skipUnless|expectedFailure)|skip|skipIf|skipUnless|expectedFailure)\b/;
const PY_CALL = /^(pytest\.(skip|xfail)|self\.skipTest|unittest\.skip)$/;

function pyMarkers(syn: Syntax & { kind: 'tree' }): Found[] {
  const out: Found[] = [];
  walkTree(syn.root, (n) => {
    const line = syn.line(n.startPosition.row);
    if (n.type === 'decorator' && PY_DECORATOR.test(n.text)) {
      const target = n.parent?.type === 'decorated_definition' ? field(n.parent, 'definition') : undefined;
      const name = target ? field(target, 'name')?.text ?? '' : '';
      out.push({ key: `dec\0${norm(n.text)}\0${name}`, line, label: `\`${norm(n.text).split('(')[0]}\` on ${name || 'a test'}`, severity: /skipif|skipIf|skipUnless/.test(n.text) ? 'approval' : 'block' });
    } else if (n.type === 'call') {
      const fn = field(n, 'function')?.text ?? '';
      if (PY_CALL.test(fn)) out.push({ key: `call\0${norm(n.text)}`, line, label: `\`${fn}()\``, severity: 'block' });
      else if (fn === 'pytest.importorskip') out.push({ key: `call\0${norm(n.text)}`, line, label: '`pytest.importorskip()`', severity: 'approval' });
    } else if (n.type === 'assignment' && /^(pytestmark|__test__)$/.test(field(n, 'left')?.text ?? '')) {
      const right = field(n, 'right')?.text ?? '';
      if (/skip|xfail|False/.test(right)) out.push({ key: `assign\0${norm(n.text)}`, line, label: `\`${norm(n.text)}\` (disables the module's tests)`, severity: 'block' });
    } else if (n.type === 'raise_statement' && /\b(unittest\.)?SkipTest\b|pytest\.skip\.Exception/.test(n.text)) {
      out.push({ key: `raise\0${norm(n.text)}`, line, label: '`raise SkipTest`', severity: 'block' });
    }
    return true;
  });
  return out;
}

function goMarkers(syn: Syntax & { kind: 'tree' }): Found[] {
  const out: Found[] = [];
  walkTree(syn.root, (n) => {
    const line = syn.line(n.startPosition.row);
    if (n.type === 'call_expression') {
      const fn = field(n, 'function');
      const name = fn?.type === 'selector_expression' ? field(fn, 'field')?.text ?? '' : '';
      if (/^(Skip|Skipf|SkipNow)$/.test(name)) out.push({ key: `call\0${norm(n.text)}`, line, label: `\`${norm(fn!.text)}()\``, severity: 'block' });
    } else if (n.type === 'comment' && /^\/\/\s*(go:build|\+build)\b.*\bignore\b/.test(n.text)) {
      out.push({ key: `build\0${norm(n.text)}`, line, label: `build constraint \`${n.text.trim()}\` (the file is not compiled or run)`, severity: 'block' });
    }
    return true;
  });
  return out;
}

/** Rust and Java/Kotlin have no grammar here: their ignore attributes are single tokens on a line. */
function textMarkers(syn: Syntax): Found[] {
  const re = syn.lang === 'rust' ? /^\s*#\[ignore\b/ : syn.lang === 'java' ? /^\s*@(Disabled|Ignore)\b/ : undefined;
  if (!re) return [];
  return syn.text.split('\n').flatMap((l, i) => (re.test(l) ? [{ key: norm(l), line: syn.line(i), label: `\`${l.trim()}\``, severity: 'block' as Severity }] : []));
}

export function skipMarkers(syn: Syntax): Found[] {
  if (syn.kind === 'js') return jsMarkers(syn);
  if (syn.kind === 'tree') return syn.lang === 'python' ? pyMarkers(syn) : goMarkers(syn);
  return textMarkers(syn);
}

const SUPPORTED = new Set(['ts', 'js', 'python', 'go', 'rust', 'java']);

/** Tests switched off or narrowed: `.skip`, `.only`, `xit`, `test.todo`, `pytest.mark.skip/xfail`, `t.Skip`, `#[ignore]`, `@Disabled`. */
export const skippedTests: Rule = {
  id: 'skipped-tests',
  description: 'The patch skips, focuses or disables tests (.skip, .only, xit, test.todo, pytest.mark.skip/xfail, t.Skip, #[ignore], @Disabled)',
  severity: 'block',
  async run(ctx) {
    const out: RuleFinding[] = [];
    for (const f of ctx.files) {
      if (!SUPPORTED.has(langOf(f.path)) || !f.added.some((l) => TRIGGER.test(l.text))) continue;
      for (const o of await introducedIn(ctx, f, skipMarkers)) {
        out.push({ message: `test disabled: ${o.label}`, file: f.path, line: o.line, severity: o.severity });
      }
    }
    return out;
  },
};
