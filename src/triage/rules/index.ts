import { codeRules } from './code-rules.js';
import { envRules, genericRules, runnerRules } from './infra.js';
import { goLateRules, goRules, rustRules } from './go-rust.js';
import { cRules } from './c.js';
import { javascriptRules, testFrameworkRules } from './javascript.js';
import { jvmBuildRules, jvmRules } from './jvm.js';
import { pythonRules, pythonToolRules } from './python.js';
import { docsRules, gateRules, lintRules, packageRules, shellRules } from './tools.js';
import type { Rule, RuleHit, Signal } from './types.js';
import { NeedleSet } from './needles.js';

export type { Rule, RuleHit, Signal } from './types.js';

const flakyRule: Rule = {
  id: 'status:flaky',
  decide: (s) => (s.status === 'flaky' || (s.flaky !== undefined && s.flaky.passes > 0 && s.flaky.failures > 0) ? { category: 'flaky' } : undefined),
};

const [snapshotRule, timeoutRule, ...harnessRules] = testFrameworkRules;

// A hook or fixture that fails is the harness failing, unless what it hit names a more useful cause
// (the database is unreachable, a file or variable is missing, an import is broken).
const HOOK = /"(?:before|after) (?:all|each)" hook|\b(?:before|after)(?:All|Each)\b.*(?:hook|failed)|ERROR at (?:setup|teardown) of|\bfixture\b.*(?:error|failed|raised)|Vitest caught \d+ unhandled errors?|Unhandled (?:error|rejection)s? (?:during|between) test/;
const KEEP_IN_HOOK = new Set(['network-timeout', 'file-not-found', 'permission-denied', 'environment-variable', 'dependency-missing', 'import', 'timeout', 'out-of-memory', 'configuration-error', 'syntax', 'indentation']);
const hookRule: Rule = {
  id: 'test:hook-failure',
  needles: ['hook', 'error at setup', 'error at teardown', 'fixture', 'unhandled'],
  re: HOOK,
  decide: (s) => {
    const inner = applyRules(innerRules, s, s.text.toLowerCase());
    return inner && KEEP_IN_HOOK.has(inner.category) ? undefined : { category: 'test-infrastructure-error' };
  },
};

const innerRules: Rule[] = [
  ...codeRules,
  ...runnerRules,
  ...envRules,
  ...gateRules,
  snapshotRule!,
  timeoutRule!,
  ...pythonToolRules,
  ...pythonRules,
  ...javascriptRules,
  ...jvmRules,
  ...goRules,
  ...rustRules,
  ...cRules,
  ...jvmBuildRules,
  ...packageRules,
  ...genericRules,
  ...goLateRules,
  ...harnessRules,
  ...lintRules,
  ...docsRules,
  ...shellRules,
];

/**
 * Every built-in rule, most specific first; the first that decides wins. Codes beat wording; a named
 * exception beats a generic word like "timeout"; the shell's exit code is the last resort.
 */
export const builtinRules: Rule[] = [flakyRule, hookRule, ...innerRules];

interface Compiled {
  set: NeedleSet;
  /** Per rule: ids of its needles in the set (undefined: the rule has no needles and always runs). */
  ids: Array<number[] | undefined>;
}
const compiled = new WeakMap<readonly Rule[], Compiled>();

function compile(rules: readonly Rule[]): Compiled {
  let c = compiled.get(rules);
  if (!c) {
    const set = new NeedleSet(rules.flatMap((r) => r.needles ?? []));
    const index = new Map(set.needles.map((n, i) => [n, i]));
    c = { set, ids: rules.map((r) => r.needles?.map((n) => index.get(n)!)) };
    compiled.set(rules, c);
  }
  return c;
}

/** Runs the rules in order on a signal; `lower` is the lower-cased text (computed once by the caller). */
export function applyRules(rules: readonly Rule[], s: Signal, lower: string): RuleHit | undefined {
  const { set, ids } = compile(rules);
  const present = set.find(lower);
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r]!;
    const needles = ids[r];
    if (needles !== undefined && !needles.some((id) => present.has(id))) continue;
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
