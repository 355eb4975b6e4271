import type { EventKind, TestResult } from '../../../events/index.js';
import { toRepoPath } from '../../results/location.js';
import type { DetectContext, Finding } from '../types.js';
import { stripWorkspaces } from '../workspace.js';

/** A copy that shares no memory with the chunk a line was cut from (V8 substrings keep their parent alive). */
export const copy = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');

/** Removes the common leading indentation of a block and trailing blank lines. */
export function dedent(lines: string[]): string[] {
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  const indent = nonEmpty.length ? Math.min(...nonEmpty.map((l) => /^\s*/.exec(l)![0].length)) : 0;
  const out = lines.map((l) => l.slice(Math.min(indent, /^\s*/.exec(l)![0].length)));
  while (out.length && out[out.length - 1]!.trim() === '') out.pop();
  while (out.length && out[0]!.trim() === '') out.shift();
  return out;
}

export function repoPath(p: string | undefined, ctx: DetectContext): string | undefined {
  if (!p) return undefined;
  return toRepoPath(p.replace(/^file:\/\//, ''), ctx.opts);
}

const FRAME = /^\s*(?:at |❯ |File "|\d+\s*\|)/;

/** Splits a failure block into the message (what went wrong) and the stack (where). */
export function splitMessage(block: string[], maxMessageLines = 12): { message: string; stack: string } {
  const lines = dedent(block);
  const firstFrame = lines.findIndex((l) => FRAME.test(l));
  const msg = (firstFrame === -1 ? lines : lines.slice(0, firstFrame)).filter((l, i, a) => !(l.trim() === '' && a[i - 1]?.trim() === ''));
  return { message: msg.slice(0, maxMessageLines).join('\n').trim(), stack: lines.join('\n') };
}

export const ERROR_CLASS = /^(?:Uncaught )?((?:[\w$]+\.)*[A-Z][\w$]*(?:Error|Exception|Failure|Exit)|AssertionError|Error)(?: \[(\w+)\])?:/;

export interface ResultFields {
  kind: EventKind;
  framework: string;
  message: string;
  file?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
  error_class?: string | undefined;
  error_code?: string | undefined;
  stack?: string | undefined;
  name?: string | undefined;
  suite?: string | undefined;
  test_id?: string | undefined;
  status?: 'failed' | 'errored';
}

/** Builds a result with a stable id; the CI step becomes the suite when the tool gives none. */
export function finding(ctx: DetectContext, line: number, strength: number, f: ResultFields, end = line + 1): Finding {
  const cls = f.error_class ?? ERROR_CLASS.exec(f.message)?.[1];
  if (f.message.trim() === '' && cls) f.message = cls;
  const r: TestResult = {
    kind: f.kind,
    framework: f.framework,
    // Ids must survive re-runs: numbers in the message (durations, counts, ports) do not make it a different failure.
    // Copies: the id map lives for the whole log and must not pin the chunks its keys were cut from.
    test_id: f.test_id ?? ctx.ids.next(f.framework, f.file === undefined ? undefined : copy(f.file), f.error_code === undefined ? undefined : copy(f.error_code ?? ''), copy(stripWorkspaces(f.message).replace(/\d+(?:\.\d+)?/g, '#'))),
    status: f.status ?? (f.kind === 'test' ? 'failed' : 'errored'),
    message: f.message,
  };
  const optional: Partial<TestResult> = {
    suite: f.suite ?? ctx.step,
    name: f.name,
    file: f.file,
    line: f.line,
    column: f.column,
    error_class: cls,
    error_code: f.error_code,
    stack: f.stack,
    package: ctx.opts.package,
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined && v !== '') (r as unknown as Record<string, unknown>)[k] = v;
  return { result: r, line, end, strength };
}

/** Index of the first line at or after `from` for which `stop` is true (or lines.length). */
export function blockEnd(lines: string[], from: number, stop: (l: string, i: number) => boolean, max = 400): number {
  const limit = Math.min(lines.length, from + max);
  for (let i = from; i < limit; i++) if (stop(lines[i]!, i)) return i;
  return limit;
}
