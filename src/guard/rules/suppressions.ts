import ts from 'typescript';
import type { Severity } from '../../events/index.js';
import type { Syntax } from '../context.js';
import { langOf } from '../lang.js';
import { commentsOf, rowOf, walkTs } from '../syntax/ts.js';
import { walkTree } from '../syntax/treesitter.js';
import { norm } from '../testmodel/model.js';
import { introducedIn, type Occurrence, type Rule, type RuleFinding } from './types.js';

interface Pattern {
  re: RegExp;
  label: string;
}

const JS_COMMENTS: Pattern[] = [
  { re: /@ts-ignore\b/, label: '`@ts-ignore`' },
  { re: /@ts-expect-error\b/, label: '`@ts-expect-error`' },
  { re: /@ts-nocheck\b/, label: '`@ts-nocheck`' },
  { re: /\beslint-disable\b/, label: '`eslint-disable`' },
  { re: /\btslint:disable\b/, label: '`tslint:disable`' },
  { re: /\b(istanbul|c8|v8)\s+ignore\b/, label: 'a coverage ignore comment' },
  { re: /\b(biome-ignore|deno-lint-ignore|oxlint-disable)\b/, label: 'a linter ignore comment' },
];
const PY_COMMENTS: Pattern[] = [
  { re: /\btype:\s*ignore\b/, label: '`# type: ignore`' },
  { re: /\bnoqa\b/, label: '`# noqa`' },
  { re: /\bpylint:\s*disable\b/, label: '`# pylint: disable`' },
  { re: /\bpyright:\s*(ignore|basic)\b/, label: '`# pyright: ignore`' },
  { re: /\bmypy:\s*ignore-errors\b/, label: '`# mypy: ignore-errors`' },
  { re: /\bpyre-(ignore|fixme)\b/, label: '`# pyre-ignore`' },
  { re: /\bpragma:\s*no\s*cover\b/, label: '`# pragma: no cover`' },
  { re: /\bnosec\b/, label: '`# nosec`' },
];
const GO_COMMENTS: Pattern[] = [
  { re: /^\/\/\s*nolint\b/, label: '`//nolint`' },
  { re: /\blint:(ignore|file-ignore)\b/, label: '`//lint:ignore`' },
  { re: /#nosec\b/, label: '`#nosec`' },
];

const TRIGGER = /@ts-|eslint-disable|tslint:|ignore|noqa|pylint|pyright|mypy|pyre-|pragma|nosec|nolint|\bany\b|\bunknown\b|no_type_check/;

type Found = Occurrence & { severity: Severity };

function fromComments(comments: Array<{ line: number; text: string }>, patterns: Pattern[]): Found[] {
  const out: Found[] = [];
  for (const c of comments) {
    for (const p of patterns) {
      if (p.re.test(c.text)) out.push({ key: `${p.label}\0${norm(c.text)}`, line: c.line, label: p.label, severity: 'block' });
    }
  }
  return out;
}

function jsSuppressions(syn: Syntax & { kind: 'js' }): Found[] {
  const out = fromComments(commentsOf(syn.sf).map((c) => ({ line: syn.line(c.row), text: c.text })), JS_COMMENTS);
  walkTs(syn.sf, (n) => {
    if ((ts.isAsExpression(n) || ts.isTypeAssertionExpression(n)) && n.type.kind === ts.SyntaxKind.AnyKeyword) {
      out.push({ key: `as-any\0${norm(n.getText(syn.sf))}`, line: syn.line(rowOf(syn.sf, n)), label: '`as any`', severity: 'block' });
    } else if (ts.isAsExpression(n) && ts.isAsExpression(n.expression) && n.expression.type.kind === ts.SyntaxKind.UnknownKeyword) {
      out.push({ key: `as-unknown-as\0${norm(n.getText(syn.sf))}`, line: syn.line(rowOf(syn.sf, n)), label: '`as unknown as` (a forced cast)', severity: 'approval' });
    }
  });
  return out;
}

function treeSuppressions(syn: Syntax & { kind: 'tree' }): Found[] {
  const comments: Array<{ line: number; text: string }> = [];
  const out: Found[] = [];
  walkTree(syn.root, (n) => {
    if (n.type === 'comment') comments.push({ line: syn.line(n.startPosition.row), text: n.text });
    else if (n.type === 'decorator' && /\bno_type_check\b/.test(n.text)) {
      out.push({ key: `no_type_check\0${norm(n.text)}`, line: syn.line(n.startPosition.row), label: '`@no_type_check`', severity: 'block' });
    }
    return true;
  });
  return [...out, ...fromComments(comments, syn.lang === 'python' ? PY_COMMENTS : GO_COMMENTS)];
}

export function suppressionsIn(syn: Syntax): Found[] {
  if (syn.kind === 'js') return jsSuppressions(syn);
  if (syn.kind === 'tree') return treeSuppressions(syn);
  return [];
}

const SUPPORTED = new Set(['ts', 'js', 'python', 'go']);

/** Silencing the checker instead of fixing the code: ts-ignore, eslint-disable, `as any`, noqa, nolint. */
export const suppressions: Rule = {
  id: 'suppressions',
  description: 'The patch silences a type checker, linter or coverage tool (@ts-ignore, as any, eslint-disable, # type: ignore, # noqa, //nolint)',
  severity: 'block',
  async run(ctx) {
    const out: RuleFinding[] = [];
    for (const f of ctx.files) {
      if (!SUPPORTED.has(langOf(f.path)) || !f.added.some((l) => TRIGGER.test(l.text))) continue;
      for (const o of await introducedIn(ctx, f, suppressionsIn)) {
        out.push({ message: `suppression added: ${o.label}`, file: f.path, line: o.line, severity: o.severity });
      }
    }
    return out;
  },
};
