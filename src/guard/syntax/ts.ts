import ts from 'typescript';

/**
 * TypeScript's own parser for TS and JS (error-tolerant, so fragments of a diff parse too). Without
 * parent pointers and JSDoc parsing it is about five times faster; the rules pass the source file
 * wherever a position or text is needed, so they never need `.parent`.
 */
export function parseJsLike(path: string, text: string): ts.SourceFile {
  const kind = /\.tsx$/.test(path) ? ts.ScriptKind.TSX : /\.jsx$/.test(path) ? ts.ScriptKind.JSX : /\.[cm]?js$/.test(path) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  return ts.createSourceFile(path, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, kind);
}

/** 0-based row of a node's first token. */
export function rowOf(sf: ts.SourceFile, node: ts.Node): number {
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
}

export function endRowOf(sf: ts.SourceFile, node: ts.Node): number {
  return sf.getLineAndCharacterOfPosition(node.getEnd()).line;
}

/** Depth-first visit of every node. */
export function walkTs(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (c) => walkTs(c, visit));
}

/** `a.b.c` for an identifier/property chain, else undefined. Calls in the chain are kept as `x()`. */
export function calleeName(expr: ts.Expression): string | undefined {
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) {
    const left = calleeName(expr.expression);
    return left === undefined ? undefined : `${left}.${expr.name.text}`;
  }
  if (ts.isCallExpression(expr)) {
    const left = calleeName(expr.expression);
    return left === undefined ? undefined : `${left}()`;
  }
  if (ts.isNonNullExpression(expr) || ts.isParenthesizedExpression(expr)) return calleeName(expr.expression);
  return undefined;
}

/** Comment texts with their 0-based rows, from the leading/trailing trivia of every node. */
export function commentsOf(sf: ts.SourceFile): Array<{ row: number; text: string }> {
  const seen = new Set<number>();
  const out: Array<{ row: number; text: string }> = [];
  const text = sf.text;
  const take = (ranges: ts.CommentRange[] | undefined): void => {
    for (const r of ranges ?? []) {
      if (seen.has(r.pos)) continue;
      seen.add(r.pos);
      out.push({ row: sf.getLineAndCharacterOfPosition(r.pos).line, text: text.slice(r.pos, r.end) });
    }
  };
  const visit = (n: ts.Node): void => {
    take(ts.getLeadingCommentRanges(text, n.pos));
    take(ts.getTrailingCommentRanges(text, n.end));
    ts.forEachChild(n, visit);
  };
  visit(sf);
  take(ts.getLeadingCommentRanges(text, sf.endOfFileToken.pos));
  return out.sort((a, b) => a.row - b.row);
}
