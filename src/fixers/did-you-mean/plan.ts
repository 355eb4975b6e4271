import { findOccurrences, planTokenEdit } from '../shared/token-edit.js';
import type { Suggestion } from './types.js';

/** One resolved replacement: a suggestion pinned to a line (and column when known) in one file. */
export interface PinnedEdit {
  abs: string;
  file: string;
  line: number;
  column?: number;
  suggestion: Suggestion;
}

export type Pinned = { ok: true; edit: PinnedEdit } | { ok: false; reason: string };

/**
 * Finds where a suggestion applies in the current file text. An exact (compiler) position must still
 * hold the wrong token; a runtime stack is searched innermost first for the first line that has it.
 */
export function pinSuggestion(s: Suggestion, read: (abs: string) => string): Pinned {
  if (s.literal) {
    const loc = s.locations[0]!;
    if (quotedOccurrences(read(loc.abs), s.from) === 0) return { ok: false, reason: `'${s.from}' is no longer imported in ${loc.file}: stale position` };
    return { ok: true, edit: { abs: loc.abs, file: loc.file, line: loc.line, suggestion: s } };
  }
  const role = s.role === 'import' ? 'any' : s.role;
  const tag = `'${s.from}' -> '${s.to}' (${s.source})`;
  if (s.exact) {
    const loc = s.locations[0]!;
    const r = planTokenEdit(read(loc.abs), { line: loc.line, column: loc.column, from: s.from, to: s.to, role, lang: s.lang });
    if (!r.ok) return { ok: false, reason: `${tag} at ${loc.file}:${loc.line}: ${r.reason}` };
    return { ok: true, edit: { abs: loc.abs, file: loc.file, line: loc.line, column: loc.column, suggestion: s } };
  }
  for (const loc of s.locations) {
    const line = read(loc.abs).split('\n')[loc.line - 1];
    if (line === undefined) continue;
    const hits = findOccurrences(line, s.from, role, s.lang);
    if (hits.length === 0) continue;
    if (hits.length > 1 && loc.column === undefined) {
      return { ok: false, reason: `${tag}: '${s.from}' occurs ${hits.length} times on ${loc.file}:${loc.line}: ambiguous` };
    }
    return { ok: true, edit: { abs: loc.abs, file: loc.file, line: loc.line, column: loc.column ?? hits[0]! + 1, suggestion: s } };
  }
  const where = s.locations.map((l) => `${l.file}:${l.line}`).join(', ');
  return { ok: false, reason: `${tag}: the token is not at any reported location (${where}): stale position` };
}

/**
 * Drops duplicates (several tests hitting the same line) and refuses conflicts: two different
 * replacements for the same token are not a deterministic fix.
 */
export function dedupeEdits(edits: PinnedEdit[]): { edits: PinnedEdit[]; refused: string[] } {
  const byKey = new Map<string, PinnedEdit[]>();
  for (const e of edits) {
    const k = `${e.abs}:${e.line}:${e.column ?? ''}:${e.suggestion.from}`;
    byKey.set(k, [...(byKey.get(k) ?? []), e]);
  }
  const out: PinnedEdit[] = [];
  const refused: string[] = [];
  for (const group of byKey.values()) {
    const targets = new Set(group.map((e) => e.suggestion.to));
    const first = group[0]!;
    if (targets.size > 1) {
      refused.push(`'${first.suggestion.from}' at ${first.file}:${first.line} has conflicting suggestions ${[...targets].map((t) => `'${t}'`).join(' / ')}: ambiguous`);
    } else out.push(first);
  }
  return { edits: out, refused };
}

/**
 * Applies pinned edits to one file's text, bottom-up so earlier positions stay valid. An import fix
 * also renames the binding's other bare uses in the file (the failed import is what introduced the
 * name), unless the new name is already taken there.
 */
export function applyToText(text: string, edits: PinnedEdit[]): { text: string; applied: PinnedEdit[]; refused: string[] } {
  const sorted = [...edits].sort((a, b) => b.line - a.line || (b.column ?? 0) - (a.column ?? 0));
  const applied: PinnedEdit[] = [];
  const refused: string[] = [];
  let current = text;
  for (const e of sorted) {
    const s = e.suggestion;
    if (s.literal) {
      if (quotedOccurrences(current, s.from) === 0) {
        refused.push(`${e.file}: '${s.from}' is no longer imported there`);
        continue;
      }
      current = current.replace(quotedRe(s.from), (_m, q: string) => `${q}${s.to}${q}`);
      applied.push(e);
      continue;
    }
    if (s.role === 'import' && hasBareName(current, s.to, s.lang)) {
      refused.push(`'${s.to}' is already used in ${e.file}; renaming the import of '${s.from}' would clash`);
      continue;
    }
    const r = planTokenEdit(current, { line: e.line, column: e.column, from: s.from, to: s.to, role: s.role === 'import' ? 'any' : s.role, lang: s.lang });
    if (!r.ok) {
      refused.push(`${e.file}:${e.line}: ${r.reason}`);
      continue;
    }
    current = s.role === 'import' ? renameBareUses(r.text, s.from, s.to, e.line, s.lang) : r.text;
    applied.push(e);
  }
  return { text: current, applied, refused };
}

function hasBareName(text: string, name: string, lang: string): boolean {
  return text.split('\n').some((l) => findOccurrences(l, name, 'name', lang).length > 0);
}

function renameBareUses(text: string, from: string, to: string, skipLine: number, lang: string): string {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (i === skipLine - 1) continue;
    const hits = findOccurrences(lines[i]!, from, 'name', lang);
    let l = lines[i]!;
    for (const h of [...hits].reverse()) l = l.slice(0, h) + to + l.slice(h + from.length);
    lines[i] = l;
  }
  return lines.join('\n');
}

function quotedRe(spec: string): RegExp {
  return new RegExp(`(['"\`])${spec.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1`, 'g');
}

/** Quoted occurrences of a module specifier (import/require/export-from strings) in a file. */
export function quotedOccurrences(text: string, spec: string): number {
  return text.match(quotedRe(spec))?.length ?? 0;
}
