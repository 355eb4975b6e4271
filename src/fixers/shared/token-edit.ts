import { readFile, writeFile } from 'node:fs/promises';

/** How the wrong token is used: a bare name, or a member after `.`/`::` (attribute, property, method). */
export type TokenRole = 'name' | 'member' | 'any';

export interface TokenEdit {
  /** Absolute path inside the worktree (already checked by the caller). */
  abs: string;
  /** 1-based. */
  line: number;
  /** 1-based; when given, the token must start at or cover this column. */
  column?: number;
  from: string;
  to: string;
  role: TokenRole;
  /** Source language, for lexing details (Rust lifetimes, Python `#` comments). */
  lang?: string;
}

export type TokenEditResult = { ok: true; before: string; after: string } | { ok: false; reason: string };

const IDENT_CHAR = /[\p{L}\p{N}_$]/u;

/**
 * Replaces exactly one occurrence of the identifier `from` on one line. Refuses when the token is not
 * there (the file moved on since the failure: a stale position), or when the line has several candidate
 * occurrences and no column says which (ambiguous). Strings and comments on the line are ignored.
 */
export async function replaceTokenAt(edit: TokenEdit): Promise<TokenEditResult> {
  const text = await readFile(edit.abs, 'utf8');
  const planned = planTokenEdit(text, edit);
  if (!planned.ok) return planned;
  await writeFile(edit.abs, planned.text);
  return { ok: true, before: planned.before, after: planned.after };
}

export function planTokenEdit(
  text: string,
  edit: Omit<TokenEdit, 'abs'>,
): { ok: true; text: string; before: string; after: string } | { ok: false; reason: string } {
  const lines = text.split(/(?<=\n)/);
  const raw = lines[edit.line - 1];
  if (raw === undefined) return { ok: false, reason: `line ${edit.line} does not exist (the file has ${lines.length} lines): stale position` };
  const body = raw.replace(/\r?\n$/, '');
  const hits = findOccurrences(body, edit.from, edit.role, edit.lang);
  let chosen: number | undefined;
  if (edit.column !== undefined) {
    const col = edit.column - 1;
    chosen = hits.find((h) => h === col || (h <= col && col < h + edit.from.length));
    if (chosen === undefined) {
      return { ok: false, reason: `'${edit.from}' is not at line ${edit.line} column ${edit.column}: stale position` };
    }
  } else if (hits.length === 1) {
    chosen = hits[0];
  } else if (hits.length === 0) {
    return { ok: false, reason: `'${edit.from}' does not occur on line ${edit.line}: stale position` };
  } else {
    return { ok: false, reason: `'${edit.from}' occurs ${hits.length} times on line ${edit.line} and no column says which: ambiguous` };
  }
  const at = chosen!;
  const newBody = body.slice(0, at) + edit.to + body.slice(at + edit.from.length);
  lines[edit.line - 1] = newBody + raw.slice(body.length);
  return { ok: true, text: lines.join(''), before: body, after: newBody };
}

/** Start offsets of whole-identifier occurrences of `token` in code (not in strings or comments). */
export function findOccurrences(line: string, token: string, role: TokenRole, lang?: string): number[] {
  const masked = maskStringsAndComments(line, lang);
  const out: number[] = [];
  if (token === '') return out;
  let i = masked.indexOf(token);
  while (i !== -1) {
    const before = masked[i - 1];
    const after = masked[i + token.length];
    const whole = (before === undefined || !IDENT_CHAR.test(before)) && (after === undefined || !IDENT_CHAR.test(after));
    if (whole && roleMatches(masked, i, role)) out.push(i);
    i = masked.indexOf(token, i + 1);
  }
  return out;
}

function roleMatches(line: string, at: number, role: TokenRole): boolean {
  if (role === 'any') return true;
  const prefix = line.slice(0, at).trimEnd();
  const isMember = prefix.endsWith('.') || prefix.endsWith('::') || prefix.endsWith('?.') || prefix.endsWith('->');
  return role === 'member' ? isMember : !isMember;
}

/**
 * Replaces string literal contents and trailing comments with spaces (same length) so token search
 * sees only code. Line-local and approximate by design: a multi-line string opened on an earlier line is
 * not known here, which can only make a match fail (a refusal), never place an edit inside a string
 * that this line shows opening. The code inside a JS template literal's `${...}` and a Python
 * f-string's `{...}` is code, and kept.
 */
export function maskStringsAndComments(line: string, lang?: string): string {
  // UTF-16 units, like indexOf and the columns TypeScript reports.
  const chars = line.split('');
  type Frame = { kind: 'str'; quote: string; interp: 'js' | 'py' | undefined } | { kind: 'expr'; depth: number };
  const stack: Frame[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const top = stack[stack.length - 1];
    if (top?.kind === 'str') {
      if (c === '\\') {
        chars[i] = ' ';
        if (i + 1 < chars.length) chars[i + 1] = ' ';
        i++;
        continue;
      }
      if (top.interp === 'js' && c === '$' && chars[i + 1] === '{') {
        chars[i] = ' ';
        i++;
        stack.push({ kind: 'expr', depth: 1 });
        continue;
      }
      if (top.interp === 'py' && c === '{') {
        if (chars[i + 1] === '{') {
          chars[i] = ' ';
          chars[i + 1] = ' ';
          i++;
        } else stack.push({ kind: 'expr', depth: 1 });
        continue;
      }
      if (c === top.quote) stack.pop();
      else chars[i] = ' ';
      continue;
    }
    if (top?.kind === 'expr') {
      if (c === '{') top.depth++;
      if (c === '}' && --top.depth === 0) {
        stack.pop();
        continue;
      }
    }
    // A Rust lifetime ('a) is not a char literal.
    if (lang === 'rust' && c === "'" && /[A-Za-z_]/.test(chars[i + 1] ?? '') && chars[i + 2] !== "'") continue;
    if (c === '"' || c === "'" || c === '`') {
      const fString = lang === 'python' && /(?:^|[^\p{L}\p{N}_])(?:[fF][rR]?|[rR][fF])$/u.test(line.slice(0, i));
      stack.push({ kind: 'str', quote: c, interp: c === '`' && lang !== 'python' && lang !== 'go' && lang !== 'rust' ? 'js' : fString ? 'py' : undefined });
      continue;
    }
    const hashComment = c === '#' && (lang === 'python' || lang === 'shell' || lang === undefined);
    if ((c === '/' && chars[i + 1] === '/' && lang !== 'python') || hashComment) {
      // `#` starts a comment in Python; in JS `this.#x` is a private name, which we keep.
      if (c === '#' && line.slice(0, i).trimEnd().endsWith('.')) continue;
      for (let j = i; j < chars.length; j++) chars[j] = ' ';
      break;
    }
  }
  return chars.join('');
}
