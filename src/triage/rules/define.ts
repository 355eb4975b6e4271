import type { Category, Stage } from '../taxonomy.js';
import type { Rule, RuleDecision, Signal } from './types.js';

/** A plain pattern rule: if one needle occurs and the regex matches, the category (and stage) is decided. */
export function pattern(id: string, category: Category, needles: string[], re: RegExp, stage?: Stage): Rule {
  return stage === undefined ? { id, category, needles, re } : { id, category, needles, re, stage };
}

/** A rule whose decision depends on what matched. */
export function decided(
  id: string,
  needles: string[],
  re: RegExp,
  decide: (s: Signal, m: RegExpExecArray | null) => RuleDecision | undefined,
): Rule {
  return { id, needles, re, decide };
}

/** True when an import specifier names a file of this repository rather than an installed package. */
export function isLocalSpecifier(spec: string): boolean {
  return /^(\.{1,2}([/\\]|$)|\/|[A-Za-z]:[/\\]|~\/|@\/|#|src\/|file:)/.test(spec) && !/[/\\]node_modules[/\\]/.test(spec);
}
