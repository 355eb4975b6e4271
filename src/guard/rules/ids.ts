/** Every guard rule id, in the order findings are reported. The registry test keeps this and rules/index.ts in step. */
export const RULE_IDS = [
  'patch-size',
  'protected-paths',
  'swallowed-errors',
  'suppressions',
  'skipped-tests',
  'deleted-tests',
  'weakened-assertions',
  'snapshot-rewrites',
  'exit-early',
  'test-special-casing',
  'ci-lenient',
  'coverage-drop',
  'openapi-drift',
] as const;

export type RuleId = (typeof RULE_IDS)[number];
