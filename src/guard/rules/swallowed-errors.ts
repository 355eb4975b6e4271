import ts from 'typescript';
import type { Syntax } from '../context.js';
import { langOf } from '../lang.js';
import { field, walkTree, type Node } from '../syntax/treesitter.js';
import { calleeName, endRowOf, rowOf, walkTs } from '../syntax/ts.js';
import { norm } from '../testmodel/model.js';
import { statementsOf } from '../testmodel/treeutil.js';
import { introducedIn, type Occurrence, type Rule, type RuleFinding } from './types.js';

const SUPPORTED = new Set(['ts', 'js', 'python', 'go']);

const JS_CATCH = /\bcatch\b\s*(?:\([^)]*\))?\s*\{((?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*)\}/g;
const PY_SILENT_EXCEPT = /^[ \t]*except\b[^\n:]*:[ \t]*(?:#[^\n]*)?\n(?:[ \t]*(?:#[^\n]*)?\n)*[ \t]*(?:pass|\.\.\.|continue|break|return\b[^\n]*)[ \t]*(?:#[^\n]*)?$|^[ \t]*except\b[^\n:]*:[ \t]*(?:pass|\.\.\.|return\b)|\bsuppress\(/m;
const GO_SILENT = /\bif\s+[^{\n]*\berr\w*\s*!=\s*nil\s*\{\s*(?:\}|return\b[^\n]*\bnil\s*\n\s*\})|\b_\s*=\s*err\w*\s*$|^\s*recover\(\)\s*$/m;

/**
 * Text pre-filter, a superset of what the syntax check finds: only files with a catch block that does
 * not throw, a `.catch(`, an except clause whose body is pass/return, or a Go nil-error return are parsed.
 */
export function mayHaveSwallowingHandler(lang: string, text: string): boolean {
  if (lang === 'python') return PY_SILENT_EXCEPT.test(text);
  if (lang === 'go') return GO_SILENT.test(text);
  if (/\.catch\s*\(|\.then\s*\(|uncaughtException|unhandledRejection/.test(text)) return true;
  for (const m of text.matchAll(JS_CATCH)) if (!/\bthrow\b/.test(m[1]!)) return true;
  return false;
}

function silentJsStatement(st: ts.Statement): boolean {
  if (ts.isEmptyStatement(st) || ts.isContinueStatement(st) || ts.isBreakStatement(st)) return true;
  if (ts.isReturnStatement(st)) return st.expression === undefined || isDefaultValue(st.expression);
  return false;
}

/** Does `node` mention the caught error variable (then the handler uses the error, e.g. to wrap it)? */
function usesName(node: ts.Node, name: string | undefined): boolean {
  if (name === undefined) return false;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && n.text === name) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/**
 * A value made up on the spot: literals, empty collections, `new X()` with no arguments, constants and
 * spreads of constants (`{ ...DEFAULTS }`). Returning one from a catch block hides the error.
 */
function isDefaultValue(e: ts.Expression): boolean {
  if (ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isParenthesizedExpression(e) || ts.isTypeAssertionExpression(e)) return isDefaultValue(e.expression);
  if (ts.isNewExpression(e)) return (e.arguments?.length ?? 0) === 0;
  if (ts.isIdentifier(e)) return e.text === 'undefined' || /^[A-Z][A-Z0-9_]*$/.test(e.text) || /^(default|empty|fallback|none|nothing)/i.test(e.text);
  if (ts.isObjectLiteralExpression(e)) {
    return e.properties.every((p) => (ts.isSpreadAssignment(p) && isDefaultValue(p.expression)) || (ts.isPropertyAssignment(p) && isDefaultValue(p.initializer)));
  }
  if (ts.isArrayLiteralExpression(e)) return e.elements.every((x) => (ts.isSpreadElement(x) ? isDefaultValue(x.expression) : isDefaultValue(x)));
  if (ts.isPrefixUnaryExpression(e)) return ts.isNumericLiteral(e.operand);
  return e.kind === ts.SyntaxKind.NullKeyword || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword ||
    ts.isNumericLiteral(e) || ts.isStringLiteralLike(e) || (ts.isIdentifier(e) && e.text === 'undefined') ||
    (ts.isArrayLiteralExpression(e) && e.elements.length === 0) || (ts.isObjectLiteralExpression(e) && e.properties.length === 0) ||
    (ts.isVoidExpression(e) && ts.isNumericLiteral(e.expression));
}

function silentJsFunction(fn: ts.Expression): boolean {
  if (ts.isIdentifier(fn)) return /^(noop|_\.noop|ignore|ignoreError)$/.test(fn.text);
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  if (ts.isBlock(fn.body)) return fn.body.statements.every(silentJsStatement);
  return isDefaultValue(fn.body as ts.Expression);
}

/** `return true`/`return false` as the block's last statement, if it is one. */
function returnsBoolean(block: ts.Block): boolean | undefined {
  const last = block.statements[block.statements.length - 1];
  if (!last || !ts.isReturnStatement(last) || !last.expression) return undefined;
  if (last.expression.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (last.expression.kind === ts.SyntaxKind.FalseKeyword) return false;
  return undefined;
}

function jsHandlers(syn: Syntax & { kind: 'js' }): Occurrence[] {
  const out: Occurrence[] = [];
  // try { new RegExp(s); return true } catch { return false }: the error is the answer, not hidden.
  const predicates = new Set<ts.CatchClause>();
  walkTs(syn.sf, (n) => {
    if (ts.isTryStatement(n) && n.catchClause) {
      const t = returnsBoolean(n.tryBlock);
      const c = returnsBoolean(n.catchClause.block);
      if (t !== undefined && c !== undefined && t !== c) predicates.add(n.catchClause);
    }
  });
  walkTs(syn.sf, (n) => {
    if (ts.isCatchClause(n) && predicates.has(n)) return;
    const errName = ts.isCatchClause(n) && n.variableDeclaration && ts.isIdentifier(n.variableDeclaration.name) ? n.variableDeclaration.name.text : undefined;
    if (ts.isCatchClause(n) && n.block.statements.every(silentJsStatement) && !usesName(n.block, errName)) {
      const what = n.block.statements.length === 0 ? 'empty catch block' : 'catch block that only returns a default';
      out.push({ key: norm(n.getText(syn.sf)), line: syn.line(rowOf(syn.sf, n)), endLine: syn.line(endRowOf(syn.sf, n)), label: what });
    } else if (ts.isCallExpression(n)) {
      const name = calleeName(n.expression) ?? '';
      const handler = /\.catch$/.test(name) ? n.arguments[0] : /\.then$/.test(name) ? n.arguments[1] : /^process\.on$/.test(name) && /uncaughtException|unhandledRejection/.test(n.arguments[0]?.getText(syn.sf) ?? '') ? n.arguments[1] : undefined;
      if (handler && silentJsFunction(handler)) out.push({ key: norm(n.getText(syn.sf)), line: syn.line(rowOf(syn.sf, n)), endLine: syn.line(endRowOf(syn.sf, n)), label: 'promise rejection handler that discards the error' });
    }
  });
  return out;
}

const BROAD_PY = /^\(?\s*(Exception|BaseException|builtins\.BaseException)\b/;

function pyHandlerType(clause: Node): Node | undefined {
  for (const c of clause.namedChildren) {
    if (!c || c.type === 'block' || c.type === 'comment') continue;
    return c.type === 'as_pattern' ? (c.namedChild(0) ?? undefined) : c;
  }
  return undefined;
}

function silentPyBlock(block: Node | undefined): boolean {
  return statementsOf(block).every((st) => {
    if (st.type === 'pass_statement' || st.type === 'continue_statement' || st.type === 'break_statement') return true;
    if (st.type === 'expression_statement') return st.namedChild(0)?.type === 'ellipsis' || st.namedChild(0)?.type === 'string';
    if (st.type === 'return_statement') {
      const v = st.namedChild(0);
      return !v || /^(none|true|false|integer|float|string|list|dictionary|tuple)$/.test(v.type) && v.namedChildCount === (v.type === 'string' ? v.namedChildCount : 0);
    }
    return false;
  });
}

/** `return True`/`return False` as a block's last statement, if it is one. */
function pyReturnsBoolean(block: Node | undefined): string | undefined {
  const last = statementsOf(block).at(-1);
  const v = last?.type === 'return_statement' ? last.namedChild(0)?.type : undefined;
  return v === 'true' || v === 'false' ? v : undefined;
}

function pyHandlers(syn: Syntax & { kind: 'tree' }): Occurrence[] {
  const out: Occurrence[] = [];
  walkTree(syn.root, (n) => {
    if (n.type === 'except_clause') {
      // try: ...; return True / except ValueError: return False is a predicate, not a hidden error.
      const tryBody = n.parent?.type === 'try_statement' ? field(n.parent, 'body') : undefined;
      const caught = pyReturnsBoolean(n.namedChildren.find((c) => c?.type === 'block') ?? undefined);
      const tried = pyReturnsBoolean(tryBody);
      if (caught && tried && caught !== tried) return true;
      const type = pyHandlerType(n);
      const broad = !type || BROAD_PY.test(type.text) || (type.type === 'tuple' && /\b(Exception|BaseException)\b/.test(type.text));
      const block = n.namedChildren.find((c) => c?.type === 'block') ?? undefined;
      if (broad && silentPyBlock(block)) out.push({ key: norm(n.text), line: syn.line(n.startPosition.row), endLine: syn.line(n.endPosition.row), label: `${type ? `broad \`except ${type.text}\`` : 'bare `except`'} that discards the error` });
    } else if (n.type === 'with_statement' && /\bsuppress\(\s*(Exception|BaseException)\b/.test(n.text.split(':')[0] ?? '')) {
      out.push({ key: norm(n.text.split(':')[0] ?? ''), line: syn.line(n.startPosition.row), endLine: syn.line(n.endPosition.row), label: '`suppress(Exception)` that discards every error' });
    }
    return true;
  });
  return out;
}

function goHandlers(syn: Syntax & { kind: 'tree' }): Occurrence[] {
  const out: Occurrence[] = [];
  walkTree(syn.root, (n) => {
    if (n.type === 'if_statement') {
      const cond = field(n, 'condition');
      if (cond?.type === 'binary_expression' && field(cond, 'operator')?.text === '!=' && field(cond, 'right')?.type === 'nil' && /err/i.test(field(cond, 'left')?.text ?? '')) {
        const body = statementsOf(field(n, 'consequence'));
        const last = body.length === 1 && body[0]!.type === 'return_statement' ? body[0]!.namedChild(0) : undefined;
        const returnsNilError = last?.type === 'expression_list' ? last.namedChild(last.namedChildCount - 1)?.type === 'nil' : last?.type === 'nil';
        if (body.length === 0 || returnsNilError) {
          out.push({ key: norm(n.text), line: syn.line(n.startPosition.row), endLine: syn.line(n.endPosition.row), label: body.length === 0 ? 'empty `if err != nil {}`' : '`if err != nil` that returns a nil error' });
        }
      }
    } else if (n.type === 'assignment_statement' && /^_$/.test(field(n, 'left')?.text ?? '') && /^err\w*$/i.test(field(n, 'right')?.text ?? '')) {
      out.push({ key: norm(n.text), line: syn.line(n.startPosition.row), endLine: syn.line(n.endPosition.row), label: 'error discarded with `_ = err`' });
    } else if (n.type === 'expression_statement' && /^recover\(\)$/.test(n.text.trim())) {
      out.push({ key: norm(n.parent?.parent?.text ?? n.text), line: syn.line(n.startPosition.row), endLine: syn.line(n.endPosition.row), label: 'panic discarded with a bare `recover()`' });
    }
    return true;
  });
  return out;
}

export function swallowingHandlers(syn: Syntax): Occurrence[] {
  if (syn.kind === 'js') return jsHandlers(syn);
  if (syn.kind === 'tree') return syn.lang === 'python' ? pyHandlers(syn) : goHandlers(syn);
  return [];
}

/** Errors made to disappear: empty catch, broad except with pass, `if err != nil { return nil }`. */
export const swallowedErrors: Rule = {
  id: 'swallowed-errors',
  description: 'The patch adds an error handler that discards the error (empty catch, broad except: pass, ignored err)',
  severity: 'block',
  async run(ctx) {
    const out: RuleFinding[] = [];
    for (const f of ctx.files) {
      if (f.status === 'deleted' || !SUPPORTED.has(langOf(f.path))) continue;
      const src = await ctx.source('head', f);
      if (!src || !mayHaveSwallowingHandler(src.lang, src.text)) continue;
      for (const o of await introducedIn(ctx, f, swallowingHandlers)) {
        out.push({ message: `swallowed error: ${o.label}`, file: f.path, line: o.line });
      }
    }
    return out;
  },
};
