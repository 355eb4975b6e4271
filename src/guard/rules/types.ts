import type { Severity } from '../../events/index.js';
import type { GuardContext, Syntax } from '../context.js';
import type { ChangedFile } from '../diff/parse.js';
import type { RuleId } from './ids.js';

/** A finding as a rule reports it; the runner adds the rule id and applies the policy's severity. */
export interface RuleFinding {
  message: string;
  file?: string;
  line?: number;
  /** Defaults to the rule's severity. */
  severity?: Severity;
}

/**
 * One guard rule: reads the change through the context and returns findings (never throws for a
 * finding, never prints). A rule that crashes is reported as a finding by the runner.
 */
export interface Rule {
  id: RuleId;
  /** One line for docs and `--format` outputs. */
  description: string;
  severity: Severity;
  run(ctx: GuardContext): Promise<RuleFinding[]>;
}

/** Something a rule counts on each side, keyed so that moved lines are not counted as new. */
export interface Occurrence {
  key: string;
  /** 1-based file line where it starts (and ends, for multi-line constructs). */
  line: number;
  endLine?: number;
  label: string;
}

/**
 * Occurrences the change introduces: for each key, as many head occurrences as the head has more
 * than the base, preferring those that overlap the added lines. Moving or re-indenting an existing
 * suppression is not "new"; emptying an existing catch block is (its text is new).
 */
export function introduced<T extends Occurrence>(base: T[] | undefined, head: T[], added: Set<number>): T[] {
  const baseCount = new Map<string, number>();
  for (const o of base ?? []) baseCount.set(o.key, (baseCount.get(o.key) ?? 0) + 1);
  const byKey = new Map<string, T[]>();
  for (const o of head) {
    const list = byKey.get(o.key);
    if (list) list.push(o);
    else byKey.set(o.key, [o]);
  }
  const touches = (o: T): boolean => {
    for (let l = o.line; l <= (o.endLine ?? o.line); l++) if (added.has(l)) return true;
    return false;
  };
  const out: T[] = [];
  for (const [key, list] of byKey) {
    const extra = list.length - (baseCount.get(key) ?? 0);
    if (extra <= 0) continue;
    const ordered = [...list.filter(touches), ...list.filter((o) => !touches(o))];
    out.push(...ordered.slice(0, extra));
  }
  return out.sort((a, b) => a.line - b.line);
}

/**
 * `introduced` for one file, parsing the base only when some head occurrence overlaps the change
 * (an occurrence whose text the patch did not touch cannot be new). Most files stop after one parse.
 */
export async function introducedIn<T extends Occurrence>(ctx: GuardContext, file: ChangedFile, extract: (syn: Syntax) => T[]): Promise<T[]> {
  const head = await ctx.syntax('head', file);
  if (!head) return [];
  const found = extract(head);
  if (!found.some((o) => head.fragment || ctx.touches(file, o.line, o.endLine ?? o.line))) return [];
  const base = await ctx.syntax('base', file);
  return introduced(base ? extract(base) : undefined, found, ctx.addedLines(file));
}
