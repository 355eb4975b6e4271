import type { Cluster, FailureEvent, RunOutcome, TestResult } from '../events/index.js';
import type { ClusterPosition } from '../report/types.js';
import { attemptCluster, type ClusterJob } from './attempts.js';
import type { HealContext } from './context.js';
import { decide } from './decide.js';
import { clusterIds } from './ids.js';
import type { ClusterOutcome, GateResult } from './types.js';
import { allPass, failingResults } from './verify.js';

/**
 * Every cluster in triage's heal order. Flaky clusters are reported, never fixed; infrastructure
 * clusters are reported, never handed to fixers. A verified fix that may be applied automatically
 * becomes part of the sandbox's base, so later clusters are healed (and verified) on top of it.
 */
export async function healClusters(ctx: HealContext): Promise<ClusterOutcome[]> {
  const ordered = [...ctx.clusters].sort((a, b) => a.priority - b.priority);
  const ids = clusterIds(ordered.map((c) => c.fingerprint));
  const outcomes: ClusterOutcome[] = [];
  const resolvedBy = new Map<string, ClusterOutcome>();
  const gate = await gateFor(ctx);

  for (let i = 0; i < ordered.length; i++) {
    const cluster = ordered[i]!;
    const pos: ClusterPosition = { index: i + 1, total: ordered.length, id: ids[i]!, cluster };
    const events = ctx.events.filter((e) => cluster.testIds.includes(e.test_id));
    await ctx.emit.emit('onClusterStart', pos);
    const base: ClusterOutcome = { id: pos.id, cluster, events, resolution: 'escalated', reason: '', attempts: [], notes: [] };
    let outcome: ClusterOutcome;
    const by = resolvedBy.get(cluster.fingerprint);
    if (cluster.flaky) {
      outcome = { ...base, resolution: 'flaky', reason: 'flaky: failed, then passed on re-run; reported, never fixed' };
    } else if (cluster.infrastructure) {
      outcome = { ...base, reason: `infrastructure: ${cluster.rootCause || 'the environment is broken (most tests failing at once, or the test command itself failed)'}; not handed to fixers` };
    } else if (by) {
      outcome = { ...base, resolution: by.resolution, reason: `fixed by the patch for ${by.id}`, healedBy: by.id, ...(by.fixer ? { fixer: by.fixer } : {}), ...(by.timeToGreenMs !== undefined ? { timeToGreenMs: by.timeToGreenMs } : {}) };
    } else {
      const { verifiedRun, ...healed } = await healOne(ctx, { pos, cluster, events, failing: failingFor(ctx.baseline, cluster, events) }, base, gate);
      outcome = healed;
      if (outcome.patch && verifiedRun) {
        for (const later of ordered.slice(i + 1)) {
          if (!resolvedBy.has(later.fingerprint) && !later.flaky && allPass(failingFor(ctx.baseline, later, ctx.events), verifiedRun)) resolvedBy.set(later.fingerprint, outcome);
        }
        if (outcome.resolution === 'healed') {
          await ctx.session.sandbox.advance(outcome.patch, `suture: ${outcome.id} (${outcome.fixer})`);
          ctx.baseline = verifiedRun;
        }
      }
    }
    outcomes.push(outcome);
    await ctx.emit.emit('onCluster', pos, outcome);
  }
  await ctx.session.sandbox.reset();
  return outcomes;
}

async function healOne(ctx: HealContext, job: ClusterJob, base: ClusterOutcome, gate: GateResult): Promise<ClusterOutcome & { verifiedRun?: RunOutcome }> {
  const res = await attemptCluster(ctx, job);
  const outcome: ClusterOutcome & { verifiedRun?: RunOutcome } = { ...base, attempts: res.attempts, notes: res.notes, reason: res.reason };
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

async function gateFor(ctx: HealContext): Promise<GateResult> {
  if (!ctx.deps.gate) return { allowed: true };
  try {
    return await ctx.deps.gate({ ...(ctx.store ? { store: ctx.store } : {}), repo: ctx.repo, root: ctx.session.repo.root, config: ctx.config });
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
