import type { SutureConfig } from '../config/schema.js';
import type { Cluster, FailureEvent, RunOutcome, TestPlan } from '../events/index.js';
import type { Fixer } from '../fixers/types.js';
import type { Store } from '../store/types.js';
import type { HealEmitter } from './emitter.js';
import type { SandboxSession } from './sandbox/index.js';
import type { GateResult, HealDeps, HealOptions, RunCallOptions, TestRef } from './types.js';

/** What every stage may read once the sandbox exists (semantic-release style: contexts grow per stage). */
export interface RunContext {
  opts: HealOptions;
  deps: HealDeps;
  config: SutureConfig;
  runId: string;
  /** Repository id in the store. */
  repo: string;
  session: SandboxSession;
  store: Store | undefined;
  emit: HealEmitter;
  signal: AbortSignal;
  startedAtMs: number;
  /** Runner logs and reports go here (outside the user's tree). */
  runnerOutDir: string;
  /** The plan with `root` set to the sandbox worktree. */
  plan: TestPlan;
  stats: RunStats;
  warnings: string[];
  /** The auto-apply gate (breaker, rate limit, loop prevention), computed while the sandbox is prepared. */
  gate: Promise<GateResult>;
}

export interface TriageContext extends RunContext {
  baseline: RunOutcome;
}

export interface HealContext extends TriageContext {
  clusters: Cluster[];
  events: FailureEvent[];
  fixers: Fixer[];
  maxAttempts: number;
  deadlineMs: number;
}

export interface RunStats {
  testRuns: number;
  /** Sum of the test commands' own durations. */
  testTimeMs: number;
  /** Wall time per phase of suture's own work (and the runner calls as a whole), for the overhead figure. */
  phaseMs: Record<string, number>;
}

export function newStats(): RunStats {
  return { testRuns: 0, testTimeMs: 0, phaseMs: {} };
}

/** Runs `fn` and adds its wall time to a phase. */
export async function timed<T>(ctx: { stats: RunStats }, phase: string, fn: () => Promise<T>): Promise<T> {
  const t = Date.now();
  try {
    return await fn();
  } finally {
    ctx.stats.phaseMs[phase] = (ctx.stats.phaseMs[phase] ?? 0) + Date.now() - t;
  }
}

function account(ctx: RunContext, outcome: RunOutcome): RunOutcome {
  // A runner returns (with killed commands) when the run is interrupted: stop here, not at the next stage.
  ctx.signal.throwIfAborted();
  ctx.session.sandbox.touch(); // tests may leave files behind: the next attempt starts from a reset
  ctx.stats.testRuns += outcome.commands.length;
  ctx.stats.testTimeMs += outcome.commands.reduce((n, c) => n + c.durationMs, 0);
  return outcome;
}

let seq = 0;
function callOptions(ctx: RunContext, label: string, flakyReruns: number): RunCallOptions {
  return {
    runId: ctx.runId,
    outDir: `${ctx.runnerOutDir}/${String(++seq).padStart(3, '0')}-${label}`,
    signal: ctx.signal,
    flakyReruns,
    timeoutMs: ctx.config.runners.timeout_seconds * 1000,
  };
}

/** The whole plan in the sandbox (baseline, or the full-suite half of a verification). */
export async function runFull(ctx: RunContext, label: string): Promise<RunOutcome> {
  return account(ctx, await timed(ctx, 'runner', () => ctx.deps.runPlan(ctx.plan, callOptions(ctx, label, ctx.config.runners.flaky_reruns))));
}

/** Only these tests, with each framework's own filter. */
export async function runTargeted(ctx: RunContext, tests: TestRef[], label: string): Promise<RunOutcome> {
  return account(ctx, await timed(ctx, 'runner', () => ctx.deps.rerunTests(ctx.plan, tests, callOptions(ctx, label, 0))));
}
