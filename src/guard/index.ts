/**
 * The guard's public surface. The heal loop calls `judge` on every candidate patch and
 * `autoApplyAllowed` before applying or proposing one; the CLI calls the same functions.
 */
export { judge, type JudgeInput, type JudgeOptions } from './judge.js';
export { guardConfigSchema, DEFAULT_PROTECTED_PATHS, type GuardConfig } from './config.js';
export { RULE_IDS, type RuleId } from './rules/ids.js';
export { rules } from './rules/index.js';
export { parseDiff, toPatch, hashDiff, type ChangedFile } from './diff/parse.js';
export { assessRisk } from './risk.js';
export {
  autoApplyAllowed,
  recordAutoProposal,
  recordLoopAttempt,
  resetBreaker,
  guardStatus,
  type AutoApplyDecision,
  type AutoApplyOptions,
  type GuardStatus,
} from './state/auto-apply.js';
export { evaluateBreaker, type AttemptRow, type BreakerEvaluation } from './state/breaker.js';
export { recordApproval } from './state/approvals.js';
export { parseTrailers, hasTrailer } from './state/trailer.js';
export { loadCoverage, parseCoverage } from './coverage/load.js';
export { pct, type CoverageReport, type FileCoverage } from './coverage/types.js';
export { loadOpenApi } from './openapi/load.js';
export { diffOpenApi, type ApiChange } from './openapi/diff.js';
