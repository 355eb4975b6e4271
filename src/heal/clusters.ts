import type { Cluster, FailureEvent, RunOutcome, TestResult } from '../events/index.js';
import type { ClusterPosition } from '../report/types.js';
import { attemptCluster, type ClusterJob } from './attempts.js';
import { timed, type HealContext } from './context.js';
import { decide } from './decide.js';
import { clusterIds } from './ids.js';
import type { SutureConfig } from '../config/schema.js';
import type { Store } from '../store/types.js';
import type { ClusterOutcome, GateResult, HealDeps } from './types.js';
import { allPass, failingResults } from './verify.js';

/**
 * Every cluster in triage's heal order. Flaky clusters are reported, never fixed; infrastructure
 * clusters are reported, never handed to fixers. Every verified fix becomes part of the sandbox's
 * base, so later clusters are healed (and verified) on top of it.
 * Failures often interact (a test broken by two bugs passes only once both are fixed), so clusters
 * escalated before a later fix landed get one more round on the new base.
 */
export async function healClusters(ctx: HealContext): Promise<ClusterOutcome[]> {
  const ordered = [...ctx.clusters].sort((a, b) => a.priority - b.priority);
  const ids = clusterIds(ordered.map((c) => c.fingerprint));
  const original = ctx.baseline;
  const outcomes: ClusterOutcome[] = [];
  /** Verified runs of the fixes so far, in order: which later clusters did each one fix too? */
  const verified: Array<{ index: number; outcome: ClusterOutcome; run: RunOutcome }> = [];
  // Started during prepare (it needs only the store and the repository): here only its answer is awaited.
  const gate = await timed(ctx, 'gate', () => ctx.gate);
  const position = (i: number, retry = false): ClusterPosition => ({ index: i + 1, total: ordered.length, id: ids[i]!, cluster: ordered[i]!, ...(retry ? { retry } : {}) });
  const eventsOf = (c: Cluster) => ctx.events.filter((e) => c.testIds.includes(e.test_id));
  const fixedBy = (i: number, after: number) => verified.find((v) => v.index > after && v.index !== i && allPass(failingFor(original, ordered[i]!, eventsOf(ordered[i]!)), v.run, original.results));

  for (let i = 0; i < ordered.length; i++) {
    const pos = position(i);
    const cluster = pos.cluster;
    const events = eventsOf(cluster);
    await ctx.emit.emit('onClusterStart', pos);
    const base: ClusterOutcome = { id: pos.id, cluster, events, resolution: 'escalated', reason: '', attempts: [], notes: [] };
    let outcome: ClusterOutcome;
    const by = cluster.flaky ? undefined : fixedBy(i, -1);
    if (cluster.flaky) {
      outcome = { ...base, resolution: 'flaky', reason: 'flaky: failed, then passed on re-run; reported, never fixed' };
    } else if (cluster.infrastructure) {
      outcome = { ...base, reason: `infrastructure: ${cluster.rootCause || 'the environment is broken (most tests failing at once, or the test command itself failed)'}; not handed to fixers` };
    } else if (by) {
      outcome = healedBy(base, by.outcome);
    } else {
      outcome = await healAndKeep(ctx, { pos, cluster, events, failing: failingFor(original, cluster, events) }, base, gate, i, verified);
    }
    outcomes.push(outcome);
    await ctx.emit.emit('onCluster', pos, outcome);
  }

  // One more round for clusters escalated before a later fix changed the base.
  for (let i = 0; i < ordered.length; i++) {
    const prev = outcomes[i]!;
    if (prev.resolution !== 'escalated' || ordered[i]!.infrastructure || !verified.some((v) => v.index > i)) continue;
    if (Date.now() > ctx.deadlineMs) break;
    const pos = position(i, true);
    await ctx.emit.emit('onClusterStart', pos);
    const by = fixedBy(i, i);
    const next = by
      ? healedBy(prev, by.outcome)
      : await healAndKeep(ctx, { pos, cluster: pos.cluster, events: prev.events, failing: failingFor(original, pos.cluster, prev.events) }, prev, gate, i, verified);
    if (!by && next.resolution === 'escalated') next.reason = `${next.reason} (also retried after the other fixes landed)`;
    outcomes[i] = next;
    await ctx.emit.emit('onCluster', pos, next);
  }
  // No final reset: nothing reads the worktree after the heal stage, and dispose() removes it.
  return outcomes;
}

function healedBy(base: ClusterOutcome, by: ClusterOutcome): ClusterOutcome {
  return {
    ...base,
    resolution: by.resolution,
    reason: `fixed by the patch for ${by.id}`,
    healedBy: by.id,
    ...(by.fixer ? { fixer: by.fixer } : {}),
    ...(by.timeToGreenMs !== undefined ? { timeToGreenMs: by.timeToGreenMs } : {}),
  };
}

/** Attempts one cluster; a fix that may be applied automatically becomes the new base and baseline. */
async function healAndKeep(
  ctx: HealContext,
  job: ClusterJob,
  base: ClusterOutcome,
  gate: GateResult,
  index: number,
  verified: Array<{ index: number; outcome: ClusterOutcome; run: RunOutcome }>,
): Promise<ClusterOutcome> {
  const { verifiedRun, ...outcome } = await healOne(ctx, job, base, gate);
  if (outcome.patch && verifiedRun) {
    // Every verified fix joins the base (proposals too): interacting failures are then healed together,
    // and settleChain() keeps anything verified on top of a proposal from being applied on its own.
    outcome.stackIndex = verified.length;
    verified.push({ index, outcome, run: verifiedRun });
    await timed(ctx, 'sandbox', () => ctx.session.sandbox.advance(outcome.patch!, `suture: ${outcome.id} (${outcome.fixer})`));
    ctx.baseline = verifiedRun;
  }
  return outcome;
}

async function healOne(ctx: HealContext, job: ClusterJob, base: ClusterOutcome, gate: GateResult): Promise<ClusterOutcome & { verifiedRun?: RunOutcome }> {
  const res = await attemptCluster(ctx, job, base.attempts);
  const outcome: ClusterOutcome & { verifiedRun?: RunOutcome } = { ...base, attempts: [...base.attempts, ...res.attempts], notes: [...base.notes, ...res.notes], reason: res.reason };
  if (res.log.length > 0) outcome.log = res.log;
  if (!res.verified) return outcome;
  const v = res.verified;
  const d = decide({ confidence: job.cluster.confidence, threshold: ctx.config.heal.confidence_threshold, verdict: v.verdict, gate });
  return {
    ...outcome,
    resolution: d.resolution,
    reason: v.note ? `${d.reason} (note: ${v.note})` : d.reason,
    patch: v.patch,
    fixer: v.fixer,
    fixSummary: v.summary,
    verdict: v.verdict,
    timeToGreenMs: Date.now() - ctx.startedAtMs,
    verifiedRun: v.fullRun,
  };
}

/** The circuit breaker, daily rate limit and loop prevention: may fixes be applied automatically in this run? */
export async function gateFor(deps: HealDeps, opts: { store: Store | undefined; repo: string; root: string; config: SutureConfig }): Promise<GateResult> {
  if (!deps.gate) return { allowed: true };
  try {
    return await deps.gate({ ...(opts.store ? { store: opts.store } : {}), repo: opts.repo, root: opts.root, config: opts.config });
  } catch (err) {
    return { allowed: false, reason: `the circuit breaker could not be read (${(err as Error).message})` };
  }
}

/** The cluster's failing results in a run; events stand in for results a runner did not list. */
export function failingFor(run: RunOutcome, cluster: Cluster, events: FailureEvent[]): TestResult[] {
  const found = failingResults(run, cluster.testIds);
  const have = new Set(found.map((r) => r.test_id));
  for (const e of events) {
    if (!cluster.testIds.includes(e.test_id) || have.has(e.test_id)) continue;
    have.add(e.test_id);
    const r: TestResult = { kind: e.kind, framework: e.framework, test_id: e.test_id, status: e.status };
    if (e.file) r.file = e.file;
    if (e.name) r.name = e.name;
    if (e.suite) r.suite = e.suite;
    if (e.package) r.package = e.package;
    found.push(r);
  }
  return found;
}
