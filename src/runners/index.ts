/**
 * The detect and run stages. Other stages call only these: detectPlan for what to run, runPlan to run
 * it all (with flaky re-runs), rerunTests to re-run given failing tests quickly.
 */
export { detectPlan, assertDirectory } from './detect/plan.js';
export { runPlan, narrowPlan } from './run/run-plan.js';
export { rerunTests } from './run/rerun.js';
export { writeOutcome, writeAtomic } from './run/outcome.js';
export { runners, runnerById } from './registry.js';
export type { Runner, RunOptions, Progress, TestRef, SuiteContext, Invocation, CheckDetector } from './types.js';
