import { codeRules } from './code-rules.js';
import { genericRules, runnerRules } from './infra.js';
import { goRules, rustRules } from './go-rust.js';
import { javascriptRules, testFrameworkRules } from './javascript.js';
import { jvmBuildRules, jvmRules } from './jvm.js';
import { pythonRules, pythonToolRules } from './python.js';
import { docsRules, gateRules, lintRules, packageRules, shellRules } from './tools.js';
import type { Rule, RuleHit, Signal } from './types.js';

export type { Rule, RuleHit, Signal } from './types.js';

const flakyRule: Rule = {
  id: 'status:flaky',
  decide: (s) => (s.status === 'flaky' || (s.flaky !== undefined && s.flaky.passes > 0 && s.flaky.failures > 0) ? { category: 'flaky' } : undefined),
};

const [snapshotRule, timeoutRule, ...harnessRules] = testFrameworkRules;

/**
 * Every built-in rule, most specific first; the first that decides wins. Codes beat wording; a named
 * exception beats a generic word like "timeout"; the shell's exit code is the last resort.
 */
export const builtinRules: Rule[] = [
  flakyRule,
  ...codeRules,
  ...runnerRules,
  ...gateRules,
  snapshotRule!,
  timeoutRule!,
  ...pythonToolRules,
  ...pythonRules,
  ...javascriptRules,
  ...jvmRules,
  ...goRules,
  ...rustRules,
  ...jvmBuildRules,
  ...packageRules,
  ...genericRules,
  ...harnessRules,
  ...lintRules,
  ...docsRules,
  ...shellRules,
];

/** Runs the rules in order on a signal; `lower` is the lower-cased text (computed once by the caller). */
export function applyRules(rules: readonly Rule[], s: Signal, lower: string): RuleHit | undefined {
  for (const rule of rules) {
    if (rule.needles !== undefined) {
      let found = false;
      for (const n of rule.needles) {
        if (lower.includes(n)) {
          found = true;
          break;
        }
      }
      if (!found) continue;
    }
    let m: RegExpExecArray | null = null;
    if (rule.re !== undefined) {
      m = rule.re.exec(s.text);
      if (m === null) continue;
    }
    if (rule.decide !== undefined) {
      const d = rule.decide(s, m);
      if (d === undefined) continue;
      return { rule: rule.id, category: d.category, ...(d.stage ?? rule.stage ? { stage: d.stage ?? rule.stage } : {}) };
    }
    if (rule.category !== undefined) return { rule: rule.id, category: rule.category, ...(rule.stage ? { stage: rule.stage } : {}) };
  }
  return undefined;
}
