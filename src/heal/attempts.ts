import type { AttemptOutcome, AttemptRecord, Cluster, FailureEvent, Patch, RunOutcome, TestResult, Verdict } from '../events/index.js';
import type { FixContext, Fixer } from '../fixers/types.js';
import type { ClusterPosition } from '../report/types.js';
import { runFull, runTargeted, timed, type HealContext } from './context.js';
import type { FixerNote, TestRef } from './types.js';
import { checkFullRun, checkTargeted } from './verify.js';

export interface ClusterJob {
  pos: ClusterPosition;
  cluster: Cluster;
  events: FailureEvent[];
  /** The cluster's failing results in the current baseline. */
  failing: TestResult[];
}

export interface VerifiedFix {
  fixer: string;
  summary: string;
  patch: Patch;
  verdict: Verdict;
  /** The full-suite run with the patch: the next clusters' baseline when the fix is kept. */
  fullRun: RunOutcome;
  note?: string;
}

export interface ClusterAttempts {
  attempts: AttemptRecord[];
  notes: FixerNote[];
  log: string[];
  verified?: VerifiedFix;
  /** Why no verified fix came out (when none did). */
  reason: string;
  /** Attempts of an earlier round on this cluster (passed to the fixers, numbered before these). */
  earlier: AttemptRecord[];
}

function nextNumber(out: ClusterAttempts): number {
  return out.earlier.length + out.attempts.length + 1;
}

interface Candidate {
  fixer: Fixer;
  summary: string;
  patch: Patch;
  costUsd?: number;
}

/**
 * Up to `maxAttempts` candidate patches for one cluster. Each attempt asks the fixers in order for a
 * new candidate (earlier attempts are passed along), the guard judges it, then it is verified: the
 * cluster's failing tests re-run first, then the full suite against the baseline.
 */
export async function attemptCluster(ctx: HealContext, job: ClusterJob, earlier: AttemptRecord[] = []): Promise<ClusterAttempts> {
  const out: ClusterAttempts = { attempts: [], notes: [], log: [], reason: '', earlier };
  const exhausted = new Set<string>();
  const tried = new Set<string>();
  const applicable = ctx.fixers.filter((f) => safeAppliesTo(f, job, out));
  if (applicable.length === 0) {
    out.reason = 'no fixer recognises this kind of failure';
    out.attempts.push(record(job, nextNumber(out), 'none', 'no-candidate', out.reason, Date.now()));
    return out;
  }
  let verifiedCount = 0;
  while (verifiedCount < ctx.maxAttempts) {
    if (Date.now() > ctx.deadlineMs) {
      out.reason = `time budget (${ctx.config.heal.time_budget_seconds}s) spent`;
      return out;
    }
    const k = verifiedCount + 1;
    const started = Date.now();
    const candidate = await nextCandidate(ctx, job, k, applicable, exhausted, tried, out);
    if (!candidate) break;
    verifiedCount++;
    tried.add(candidate.patch.hash);
    const result = await verify(ctx, job, k, candidate);
    const rec = record(job, nextNumber(out), candidate.fixer.id, result.outcome, result.reason, started, candidate.patch, result.testsRun, candidate.costUsd);
    out.attempts.push(rec);
    await ctx.emit.emit('onAttempt', job.pos, rec);
    if (result.outcome === 'healed') {
      out.verified = { fixer: candidate.fixer.id, summary: candidate.summary, patch: candidate.patch, verdict: result.verdict!, fullRun: result.fullRun!, ...(result.note ? { note: result.note } : {}) };
      out.reason = candidate.summary;
      return out;
    }
  }
  const tries = out.attempts.filter((a) => a.patch);
  if (tries.length === 0) {
    out.reason = out.notes.some((n) => n.result === 'unfixable')
      ? `unfixable: ${out.notes.filter((n) => n.result === 'unfixable').map((n) => `${n.fixer}: ${n.reason}`).join('; ')}`
      : out.notes.some((n) => n.result === 'budget-exhausted')
        ? `no candidate patch; ${out.notes.filter((n) => n.result === 'budget-exhausted').map((n) => `${n.fixer}: ${n.reason}`).join('; ')}`
        : 'no fixer produced a candidate patch';
    if (!out.attempts.some((a) => a.outcome === 'unfixable' || a.outcome === 'budget-exhausted')) out.attempts.push(record(job, nextNumber(out), 'none', 'no-candidate', out.reason, Date.now()));
  } else {
    const last = tries[tries.length - 1]!;
    out.reason = `${tries.length} candidate(s) rejected; last (${last.fixer}): ${last.reason}`;
  }
  return out;
}

function safeAppliesTo(f: Fixer, job: ClusterJob, out: ClusterAttempts): boolean {
  try {
    return f.appliesTo(job.cluster, job.events);
  } catch (err) {
    out.notes.push({ fixer: f.id, result: 'error', reason: `appliesTo failed: ${(err as Error).message}` });
    return false;
  }
}

/** Asks the fixers in order, from a clean worktree each time, until one edits something new. */
async function nextCandidate(
  ctx: HealContext,
  job: ClusterJob,
  k: number,
  fixers: Fixer[],
  exhausted: Set<string>,
  tried: Set<string>,
  out: ClusterAttempts,
): Promise<Candidate | undefined> {
  for (const fixer of fixers) {
    if (exhausted.has(fixer.id)) continue;
    ctx.signal.throwIfAborted();
    await ctx.emit.emit('onProgress', { ...job.pos, attempt: k, maxAttempts: ctx.maxAttempts, fixer: fixer.id, phase: 'asking' });
    await timed(ctx, 'sandbox', () => ctx.session.sandbox.reset());
    ctx.session.sandbox.touch(); // whatever the fixer answers, it may have written files
    const fixCtx: FixContext = {
      cluster: job.cluster,
      events: job.events,
      worktree: ctx.session.sandbox.dir,
      plan: ctx.plan,
      config: ctx.config,
      previousAttempts: [...out.earlier, ...out.attempts],
      ...(ctx.store ? { store: ctx.store } : {}),
      repo: ctx.repo,
      runId: ctx.runId,
      signal: ctx.signal,
      log: (line) => out.log.push(`[${fixer.id}] ${line}`),
      scratchDir: ctx.session.sandbox.scratchDir,
    };
    let res;
    try {
      res = await timed(ctx, `fixer:${fixer.id}`, () => fixer.propose(fixCtx));
      // Tests a fixer ran itself (bisect, trial runs) are time in test commands, not suture's overhead.
      if ('testMs' in res && res.testMs) {
        ctx.stats.testTimeMs += res.testMs;
        ctx.stats.phaseMs['fixer-tests'] = (ctx.stats.phaseMs['fixer-tests'] ?? 0) + res.testMs;
      }
      if ('testRuns' in res && res.testRuns) ctx.stats.testRuns += res.testRuns;
    } catch (err) {
      ctx.signal.throwIfAborted();
      exhausted.add(fixer.id);
      out.notes.push({ fixer: fixer.id, result: 'error', reason: `crashed: ${(err as Error).message}` });
      out.attempts.push(record(job, nextNumber(out), fixer.id, 'error', `fixer crashed: ${(err as Error).message}`, Date.now()));
      continue;
    }
    if (res.kind === 'pass') {
      exhausted.add(fixer.id);
      out.notes.push({ fixer: fixer.id, result: 'pass', reason: res.reason });
      continue;
    }
    if (res.kind === 'unfixable') {
      exhausted.add(fixer.id);
      out.notes.push({ fixer: fixer.id, result: 'unfixable', reason: res.reason });
      const rec = record(job, nextNumber(out), fixer.id, 'unfixable', res.reason, Date.now(), undefined, 0, res.costUsd);
      out.attempts.push(rec);
      continue;
    }
    if (res.kind === 'budget-exhausted') {
      exhausted.add(fixer.id);
      out.notes.push({ fixer: fixer.id, result: 'budget-exhausted', reason: res.reason });
      out.attempts.push(record(job, nextNumber(out), fixer.id, 'budget-exhausted', res.reason, Date.now(), undefined, 0, res.costUsd));
      continue;
    }
    const patch = await timed(ctx, 'sandbox', () => ctx.session.sandbox.diff());
    if (!patch) {
      exhausted.add(fixer.id);
      out.notes.push({ fixer: fixer.id, result: 'no-change', reason: `said it edited (${res.summary}) but nothing changed` });
      continue;
    }
    if (tried.has(patch.hash)) {
      exhausted.add(fixer.id);
      out.notes.push({ fixer: fixer.id, result: 'repeat', reason: 'offered a patch already tried' });
      continue;
    }
    return { fixer, summary: res.summary, patch, ...(res.costUsd !== undefined ? { costUsd: res.costUsd } : {}) };
  }
  return undefined;
}

interface VerifyResult {
  outcome: AttemptOutcome;
  reason: string;
  testsRun: number;
  verdict?: Verdict;
  fullRun?: RunOutcome;
  note?: string;
}

/** Guard, then the targeted re-run, then the full suite against the baseline. */
async function verify(ctx: HealContext, job: ClusterJob, k: number, c: Candidate): Promise<VerifyResult> {
  const progress = (phase: 'guard' | 'targeted' | 'full') =>
    ctx.emit.emit('onProgress', { ...job.pos, attempt: k, maxAttempts: ctx.maxAttempts, fixer: c.fixer.id, phase });
  await progress('guard');
  const verdict = await timed(ctx, 'guard', () => judgePatch(ctx, job.cluster, c.patch));
  if (verdict.decision === 'block') {
    const why = verdict.findings.filter((f) => f.severity === 'block').map((f) => `${f.rule}: ${f.message}`);
    return { outcome: 'blocked', reason: `the guard blocked it (${why.join('; ') || 'policy'})`, testsRun: 0, verdict };
  }
  let testsRun = 0;
  await progress('targeted');
  try {
    const targeted = await runTargeted(ctx, job.failing.map(toRef), `attempt-${job.pos.id}-${k}-targeted`);
    testsRun += targeted.results.length;
    const t = checkTargeted(job.failing, targeted, ctx.baseline.results);
    if (!t.ok) return { outcome: t.outcome, reason: t.reason, testsRun, verdict };
  } catch (err) {
    ctx.signal.throwIfAborted();
    ctx.warnings.push(`targeted re-run failed (${(err as Error).message}); verifying with the full suite only`);
  }
  await progress('full');
  const full = await runFull(ctx, `attempt-${job.pos.id}-${k}-full`);
  testsRun += full.results.length;
  const f = checkFullRun(ctx.baseline, job.failing, full);
  if (!f.ok) return { outcome: f.outcome, reason: f.reason, testsRun, verdict };
  const summary = `${c.summary}; verified: targeted re-run passes, full suite ${full.totals.passed}/${full.totals.tests} passing, no new failures`;
  return { outcome: 'healed', reason: summary, testsRun, verdict, fullRun: full, ...(f.note ? { note: f.note } : {}) };
}

async function judgePatch(ctx: HealContext, cluster: Cluster, patch: Patch): Promise<Verdict> {
  if (!ctx.deps.judge) {
    return { decision: 'needs-approval', risk: 'medium', findings: [{ rule: 'guard-unavailable', severity: 'approval', message: 'no guard in this build: a person reviews the patch' }], patchHash: patch.hash };
  }
  try {
    return await ctx.deps.judge(patch, { root: ctx.session.sandbox.dir, confidence: cluster.confidence, config: ctx.config, ...(ctx.store ? { store: ctx.store } : {}), repo: ctx.repo });
  } catch (err) {
    ctx.signal.throwIfAborted();
    // A guard that cannot judge never lets a patch through on its own.
    return { decision: 'needs-approval', risk: 'high', findings: [{ rule: 'guard-error', severity: 'approval', message: `the guard failed: ${(err as Error).message}` }], patchHash: patch.hash };
  }
}

function toRef(r: TestResult): TestRef {
  const ref: TestRef = { test_id: r.test_id, framework: r.framework };
  if (r.file !== undefined) ref.file = r.file;
  if (r.name !== undefined) ref.name = r.name;
  if (r.suite !== undefined) ref.suite = r.suite;
  if (r.package !== undefined) ref.package = r.package;
  return ref;
}

function record(
  job: ClusterJob,
  n: number,
  fixer: string,
  outcome: AttemptOutcome,
  reason: string,
  started: number,
  patch?: Patch,
  testsRun = 0,
  costUsd?: number,
): AttemptRecord {
  const rec: AttemptRecord = {
    fingerprint: job.cluster.fingerprint,
    attempt: n,
    fixer,
    outcome,
    reason,
    durationMs: Date.now() - started,
    testsRun,
    startedAt: new Date(started).toISOString(),
  };
  if (patch) rec.patch = patch;
  if (costUsd !== undefined) rec.costUsd = costUsd;
  return rec;
}
