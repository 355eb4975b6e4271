// Public API for programmatic use; the CLI is a thin layer over the same functions.
// Each stage is also exported as a namespace so its helpers never collide across stages.
export * from './events/index.js';
export * from './errors.js';
export { loadConfig, parseConfig } from './config/load.js';
export type { SutureConfig } from './config/schema.js';

export { parseReport, openReport, detectFormat, extractBuildLog, extractCiLog } from './ingest/index.js';
export { detectPlan, runPlan, rerunTests, writeOutcome } from './runners/index.js';
export { triage, classify, fingerprint } from './triage/index.js';
export { heal } from './heal/index.js';
export { judge, autoApplyAllowed, recordApproval } from './guard/index.js';
export { openStore, withStore, openRunStore } from './store/index.js';
export type { Store, Metrics, MetricsQuery } from './store/index.js';
export type { Fixer, FixContext, FixResult } from './fixers/types.js';
export { fixers, fixerById } from './fixers/registry.js';
export { redact, redactForReport, childEnv } from './secrets/index.js';

export * as ingest from './ingest/index.js';
export * as runners from './runners/index.js';
export * as triageStage from './triage/index.js';
export * as guard from './guard/index.js';
export * as store from './store/index.js';
