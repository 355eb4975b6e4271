import type { Rule } from './types.js';
import { patchSize } from './patch-size.js';
import { protectedPaths } from './protected-paths.js';
import { swallowedErrors } from './swallowed-errors.js';
import { suppressions } from './suppressions.js';
import { skippedTests } from './skipped-tests.js';
import { deletedTests } from './deleted-tests.js';
import { weakenedAssertions } from './weakened-assertions.js';
import { snapshotRewrites } from './snapshot-rewrites.js';
import { exitEarly } from './exit-early.js';
import { testSpecialCasing } from './test-special-casing.js';
import { ciLenient } from './ci-lenient.js';
import { coverageDrop } from './coverage-drop.js';
import { openapiDrift } from './openapi-drift.js';

/** Every rule, in RULE_IDS order. Adding a rule: one file here plus its id in ids.ts. */
export const rules: Rule[] = [
  patchSize,
  protectedPaths,
  swallowedErrors,
  suppressions,
  skippedTests,
  deletedTests,
  weakenedAssertions,
  snapshotRewrites,
  exitEarly,
  testSpecialCasing,
  ciLenient,
  coverageDrop,
  openapiDrift,
];

export type { Rule, RuleFinding } from './types.js';
