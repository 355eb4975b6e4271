import { readFileSync } from 'node:fs';
import type { FailureEvent } from '../../events/index.js';
import { eventLocations, type SourceLocation } from '../shared/locations.js';
import { uniqueNearMiss } from '../shared/near-miss.js';
import { findOccurrences, type TokenRole } from '../shared/token-edit.js';
import { attributesOfClass, isSelfAttribute, namesInScope, namesOfModule, type Names } from './python-lookup.js';
import type { SuggestionSource, SuggestOutcome, SuggestEnv } from './types.js';

interface PyError {
  kind: 'NameError' | 'AttributeError' | 'ImportError';
  re: RegExp;
  role: TokenRole | 'import';
  /** How to list the candidates when the message has no suggestion of its own. */
  lookup: (m: RegExpExecArray, at: { text: string; loc: SourceLocation; column: number }, env: SuggestEnv) => Promise<Names>;
}

/**
 * CPython's errors. `python` itself (and unittest) print "Did you mean" (3.10+), but pytest's report
 * does not, so the candidates are listed the way CPython would see them: LEGB scope at the line, the
 * class's attributes, the module's names. Wrong name group 1, scope key group 2.
 */
const ERRORS: PyError[] = [
  { kind: 'NameError', re: /name '(\w+)' is not defined/, role: 'name', lookup: (_m, at) => namesInScope(at.text, at.loc.line, at.column) },
  { kind: 'AttributeError', re: /module '([\w.]+)' has no attribute '(\w+)'/, role: 'member', lookup: (m, _at, env) => namesOfModule(m[1]!, env) },
  { kind: 'AttributeError', re: /(?:'(\w+)' object|type object '(\w+)') has no attribute '(\w+)'/, role: 'member', lookup: (m, _at, env) => attributesOfClass((m[1] ?? m[2])!, env) },
  { kind: 'ImportError', re: /cannot import name '(\w+)' from '([\w.]+)'/, role: 'import', lookup: (m, _at, env) => namesOfModule(m[2]!, env) },
];

/** Which group holds the wrong name for each pattern above. */
function wrongName(e: PyError, m: RegExpExecArray): string {
  if (e.kind === 'NameError' || e.kind === 'ImportError') return m[1]!;
  return e.re.source.startsWith('module') ? m[2]! : m[3]!;
}

const SUGGESTED = /Did you mean: '([^']+)'\?/;

function isPython(event: FailureEvent): boolean {
  return /^(pytest|python|unittest)/.test(event.framework) || (event.file?.endsWith('.py') ?? false) || /Traceback \(most recent call last\)|\.py", line \d+|\.py:\d+:/.test(event.stack ?? '');
}

function matchError(event: FailureEvent): { e: PyError; m: RegExpExecArray } | undefined {
  const text = `${event.message}\n${event.stack ?? ''}`;
  for (const e of ERRORS) {
    if (event.error_class && event.error_class !== e.kind && !(e.kind === 'ImportError' && event.error_class === 'ModuleNotFoundError')) continue;
    const m = e.re.exec(text);
    if (m) return { e, m };
  }
  return undefined;
}

export const pythonSource: SuggestionSource = {
  id: 'python',
  recognizes: (event) => isPython(event) && matchError(event) !== undefined,
  async suggest(event: FailureEvent, env: SuggestEnv): Promise<SuggestOutcome> {
    const hit = matchError(event);
    if (!hit) return undefined;
    const { e, m } = hit;
    const from = wrongName(e, m);
    const role = e.role === 'import' ? 'any' : e.role;
    // The innermost frame whose line really holds the wrong name is where the error was raised.
    const locations = eventLocations(event, env.worktree).filter((l) => l.file.endsWith('.py'));
    let pinned: { loc: SourceLocation; text: string; column: number } | undefined;
    for (const loc of locations) {
      const text = readFileSync(loc.abs, 'utf8');
      const hits = findOccurrences(text.split('\n')[loc.line - 1] ?? '', from, role, 'python');
      if (hits.length > 1) return { refused: `'${from}' occurs ${hits.length} times on ${loc.file}:${loc.line}: ambiguous` };
      if (hits.length === 1) {
        pinned = { loc, text, column: hits[0]! + 1 };
        break;
      }
    }
    if (!pinned) return { refused: `${e.kind} '${from}': the name is not on any reported line (${locations.map((l) => `${l.file}:${l.line}`).join(', ') || 'none in the worktree'}): stale position` };
    const at: SourceLocation = { ...pinned.loc, column: pinned.column };
    const own = SUGGESTED.exec(`${event.message}\n${event.stack ?? ''}`)?.[1] ?? (/^[\w.]+$/.test(event.suggestion ?? '') ? event.suggestion : undefined);
    if (own) return { suggestion: { from, to: own, role: e.role, lang: 'python', locations: [at], exact: true, source: `python ${e.kind}` } };
    if (e.kind === 'NameError' && (await isSelfAttribute(pinned.text, at.line, pinned.column, from))) {
      return { suggestion: { from, to: `self.${from}`, role: e.role, lang: 'python', locations: [at], exact: true, source: 'python NameError: an attribute of self' } };
    }
    const names = await e.lookup(m, pinned, env);
    if (!names.ok) return { refused: `${e.kind} '${from}' at ${at.file}:${at.line}: ${names.reason}` };
    const pick = uniqueNearMiss(from, names.names);
    if (!pick.ok) return { refused: `${e.kind} at ${at.file}:${at.line}: ${pick.reason}` };
    return { suggestion: { from, to: pick.name, role: e.role, lang: 'python', locations: [at], exact: true, source: `python ${e.kind}: unique near miss` } };
  },
};
