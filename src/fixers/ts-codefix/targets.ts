import path from 'node:path';
import ts from 'typescript';
import type { FailureEvent } from '../../events/index.js';
import { eventLocations, type SourceLocation } from '../shared/locations.js';

export const TS_FILE = /\.(?:[cm]?[jt]sx?)$/;

/** What one event asks the language service to fix: a diagnostic at a place. */
export interface TargetSpec {
  abs: string;
  file: string;
  line: number;
  /** Exact diagnostic (tsc event): code and column must match. */
  code?: number;
  column?: number;
  /** Runtime failure: diagnostics on the line that mention one of these names. */
  names?: string[];
  /** Runtime failures accept only these codes. */
  codes?: number[];
  from: string;
}

/** Names a JS runtime error is about ("countr is not defined", "x.foo is not a function", ... 'foo'). */
export function runtimeNames(message: string): string[] {
  const out = new Set<string>();
  for (const m of message.matchAll(/'([\w$]+)'/g)) out.add(m[1]!);
  for (const m of message.matchAll(/([\w$]+) is not (?:defined|a function|a constructor)/g)) out.add(m[1]!);
  for (const m of message.matchAll(/\(reading '([\w$]+)'\)/g)) out.add(m[1]!);
  return [...out];
}

/** Checker codes that explain a JS runtime ReferenceError/TypeError/SyntaxError at the same line. */
const RUNTIME_CODES = [2304, 2552, 2662, 2663, 2305, 2724, 2614, 2339, 2551, 2349, 2348, 1308, 2801];

function tsCode(event: FailureEvent): number | undefined {
  const c = event.error_code ?? /\berror TS(\d+):/.exec(event.message)?.[0];
  const m = c ? /TS(\d+)/.exec(c) : undefined;
  return m ? Number(m[1]) : undefined;
}

function isRuntimeJs(event: FailureEvent): boolean {
  return /^(ReferenceError|TypeError|SyntaxError)$/.test(event.error_class ?? '') || /^(ReferenceError|TypeError|SyntaxError): /.test(event.message);
}

/** The targets of one event, or undefined when it is not this fixer's kind of failure. */
export function targetsOf(event: FailureEvent, worktree: string): TargetSpec[] | undefined {
  const code = tsCode(event);
  const inTree = (l: SourceLocation): boolean => TS_FILE.test(l.file) && !l.file.split('/').includes('node_modules');
  if (code !== undefined) {
    const own = eventLocations(event, worktree).find((l) => l.from === 'event' && inTree(l));
    return own ? [{ abs: own.abs, file: own.file, line: own.line, column: own.column, code, from: `TS${code} at ${own.file}:${own.line}` }] : undefined;
  }
  if (!isRuntimeJs(event)) return undefined;
  const names = runtimeNames(event.message);
  if (names.length === 0) return undefined;
  const locs = eventLocations(event, worktree).filter(inTree);
  return locs.length ? locs.map((l) => ({ abs: l.abs, file: l.file, line: l.line, names, codes: RUNTIME_CODES, from: `${event.error_class ?? 'runtime error'} at ${l.file}:${l.line}` })) : undefined;
}

export function cheapRecognize(event: FailureEvent): boolean {
  const code = tsCode(event);
  if (code !== undefined) return event.file !== undefined && TS_FILE.test(event.file);
  return isRuntimeJs(event) && runtimeNames(event.message).length > 0 && (TS_FILE.test(event.file ?? '') || /\.(?:[cm]?[jt]sx?):\d+/.test(event.stack ?? ''));
}

/** The diagnostic in `diags` that a target designates, if the service still reports it there. */
export function matchDiagnostic(diags: readonly ts.Diagnostic[], t: TargetSpec, sf: ts.SourceFile): ts.Diagnostic | undefined {
  return diags.find((d) => {
    if (d.start === undefined || d.file === undefined || path.resolve(d.file.fileName) !== path.resolve(t.abs)) return false;
    const pos = sf.getLineAndCharacterOfPosition(d.start);
    if (pos.line + 1 !== t.line) return false;
    if (t.code !== undefined) return d.code === t.code && (t.column === undefined || pos.character + 1 === t.column);
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    return (t.codes ?? []).includes(d.code) && (t.names ?? []).some((n) => text.includes(`'${n}'`));
  });
}

/** A diagnostic's identity across edits (positions shift; code and message do not). */
export function diagnosticKey(d: ts.Diagnostic): string {
  return `${d.code}:${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
}
