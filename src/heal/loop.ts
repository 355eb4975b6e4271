import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EnvironmentError } from '../errors.js';
import type { FailureEvent, RunOutcome, TestPlan } from '../events/index.js';
import type { HealReporter, HealStageId } from '../report/types.js';
import type { Store } from '../store/types.js';
import { applyFixes } from './apply.js';
import { settleChain } from './chain.js';
import { gateFor, healClusters } from './clusters.js';
import { newStats, runFull, timed, type HealContext, type RunContext, type TriageContext } from './context.js';
import { HealEmitter } from './emitter.js';
import { newRunId, repoId } from './ids.js';
import { recordRun } from './record.js';
import { openRepo, openSandbox, type SandboxSession } from './sandbox/index.js';
import { stageDef } from './stages.js';
import type { ClusterOutcome, CommandProblem, GateResult, HealDeps, HealOptions, HealResult } from './types.js';

/**
 * `suture heal`: baseline -> triage -> per cluster, fix in the sandbox and verify -> decide -> apply
 * -> record -> report. Stages with side effects are skipped by --dry-run (see stages.ts).
 */
export async function heal(opts: HealOptions, deps: HealDeps): Promise<HealResult> {
  const dryRun = opts.dryRun ?? false;
  const runId = opts.runId ?? newRunId();
  const startedAtMs = Date.now();
  const warnings: string[] = [];
  const stats = newStats();
  const reporters = (opts.reporters ?? []).filter((r: HealReporter) => !(dryRun && r.writesFiles));
  const emit = new HealEmitter(reporters, (m) => warnings.push(m));
  const abort = new AbortController();
  const onAbort = () => abort.abort(opts.signal?.reason);
  if (opts.signal?.aborted) onAbort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const stage = async <T>(id: HealStageId, fn: () => Promise<T>): Promise<T | undefined> => {
    const def = stageDef(id);
    abort.signal.throwIfAborted();
    if (dryRun && def.sideEffects) return undefined;
    await emit.emit('onStage', id, def.label);
    const t = Date.now();
    try {
      return await fn();
    } finally {
      stats.phaseMs[`stage:${id}`] = (stats.phaseMs[`stage:${id}`] ?? 0) + Date.now() - t;
    }
  };
  const warn = async (m: string) => {
    warnings.push(m);
    await emit.emit('onWarning', m);
  };

  const config = opts.config;
  const fixers = deps.fixers.filter((f) => !config.heal.fixers || config.heal.fixers.includes(f.id));
  const runnerOutDir = await mkdtemp(path.join(os.tmpdir(), 'suture-heal-run-'));
  let session: SandboxSession | undefined;
  let gate: Promise<GateResult> | undefined;
  let store: (Store & { failure?: { exitCode: number; message: string } }) | undefined;
  try {
    await emit.emit('onRunStart', {
      runId, root: path.resolve(opts.root), dryRun, apply: !!(opts.apply || opts.commit), commit: !!opts.commit,
      maxAttempts: config.heal.max_attempts, fixers: fixers.map((f) => f.id), startedAt: new Date(startedAtMs).toISOString(),
    });

    // prepare: sandbox from the user's current state, the plan re-rooted in it, the store.
    const run = (await stage('prepare', async () => {
      const repo = await openRepo(opts.root);
      // Independent of one another: snapshot + worktree, detection, the store, the repository id.
      const storeP = !dryRun && deps.openStore ? timed({ stats }, 'prepare:store', () => deps.openStore!(repo.root, config, (m) => void warn(m))) : Promise.resolve(undefined);
      const idP = repoId(repo.root);
      // The gate needs only the store and the repository id: it is answered while the sandbox is made.
      gate = Promise.all([storeP, idP]).then(([st, repoName]) => gateFor(deps, { store: st, repo: repoName, root: repo.root, config }));
      gate.catch(() => undefined); // a failed store is reported by its own promise below
      const [sandbox, plan, opened, id] = await Promise.allSettled([
        timed({ stats }, 'prepare:sandbox', () => openSandbox(repo, { runId, linkDirs: config.heal.link_dirs, exclude: [config.heal.output_dir], time: (phase, fn) => timed({ stats }, phase, fn) })),
        timed({ stats }, 'prepare:detect', () => deps.detectPlan(repo.root, config)),
        storeP,
        idP,
      ]);
      if (sandbox.status === 'fulfilled') session = sandbox.value;
      if (opened.status === 'fulfilled') store = opened.value;
      for (const r of [sandbox, plan, opened, id]) if (r.status === 'rejected') throw r.reason;
      const s = (sandbox as PromiseFulfilledResult<SandboxSession>).value;
      const p = (plan as PromiseFulfilledResult<TestPlan>).value;
      if (s.cleaned > 0) await warn(`cleaned ${s.cleaned} sandbox(es) left by an interrupted run`);
      if (p.packages.every((pkg) => pkg.suites.length === 0 && pkg.checks.length === 0)) {
        throw new EnvironmentError(`no tests or checks found in ${repo.root}`, {
          code: 'E_NO_TESTS',
          hint: 'Run `suture detect` to see what suture looks for, or configure runners in suture.yml.',
        });
      }
      const ctx: RunContext = {
        opts, deps, config, runId, repo: (id as PromiseFulfilledResult<string>).value, session: s, store, emit, signal: abort.signal,
        startedAtMs, runnerOutDir, plan: { ...p, root: s.sandbox.dir }, stats, warnings, gate: gate!,
      };
      return ctx;
    }))!;

    const baselineCtx: TriageContext = { ...run, baseline: (await stage('baseline', () => runFull(run, 'baseline')))! };
    const { baseline } = baselineCtx;
    const commandProblems = await findCommandProblems(baseline);

    const triaged = (await stage('triage', () =>
      deps.triage(baseline.events, { config, ...(store ? { store } : {}), repo: run.repo, totalTests: baseline.totals.tests, root: run.session.repo.root }),
    ))!;
    await emit.emit('onBaseline', { totals: baseline.totals, failures: baseline.events.length, clusters: triaged.clusters, commandProblems });

    const healCtx: HealContext = {
      ...baselineCtx,
      clusters: triaged.clusters,
      events: triaged.events,
      fixers,
      maxAttempts: config.heal.max_attempts,
      deadlineMs: startedAtMs + config.heal.time_budget_seconds * 1000,
    };
    const outcomes = (await stage('heal', () => healClusters(healCtx)))!;
    settleChain(outcomes);

    let applyNote: string | undefined;
    if (opts.apply || opts.commit) {
      const r = await stage('apply', () => applyFixes(run.session, outcomes, { commit: !!opts.commit, trailer: config.guard.loop.trailer }));
      applyNote = r?.note;
    }
    inheritResolutions(outcomes);

    const result: HealResult = {
      runId, repo: run.repo, root: run.session.repo.root, ...(run.session.repo.head ? { head: run.session.repo.head } : {}),
      snapshot: run.session.snapshot.commit, startedAt: new Date(startedAtMs).toISOString(), finishedAt: new Date().toISOString(), dryRun,
      baseline: { totals: baseline.totals, failures: baseline.events.length, commands: baseline.commands },
      clusters: outcomes, commandProblems, testRuns: stats.testRuns, testTimeMs: stats.testTimeMs, phaseMs: stats.phaseMs,
      durationMs: Date.now() - startedAtMs, cleanedLeftovers: run.session.cleaned, warnings, outputs: [],
      ...(applyNote ? { applyNote } : {}),
      ...(store?.failure ? { storeFailure: { message: store.failure.message, exitCode: store.failure.exitCode } } : {}),
    };

    await stage('record', async () => {
      if (!store) return;
      try {
        await recordRun(store, result, triaged.events as FailureEvent[]);
      } catch (err) {
        await warn(`could not record the run in the store: ${(err as Error).message}`);
      }
    });
    await stage('write', () => emit.runEnd(result));
    return result;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    emit.close();
    await session?.dispose().catch(() => undefined);
    await store?.close().catch(() => undefined);
    await rm(runnerOutDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Clusters healed by another cluster's patch follow what happened to that patch (applied or demoted). */
function inheritResolutions(outcomes: ClusterOutcome[]): void {
  for (const o of outcomes) {
    if (!o.healedBy) continue;
    const by = outcomes.find((x) => x.id === o.healedBy);
    if (by) {
      o.resolution = by.resolution;
      if (by.applied) o.applied = true;
    }
  }
}

/** Test commands that could not do their job: a missing tool, a crash, a timeout. */
export async function findCommandProblems(run: RunOutcome): Promise<CommandProblem[]> {
  const out: CommandProblem[] = [];
  for (const c of run.commands) {
    let problem: string | undefined;
    if (c.timedOut) problem = `timed out after ${Math.round(c.durationMs / 1000)}s`;
    else if (c.signal) problem = `killed by ${c.signal}`;
    else if (c.exitCode === 127) problem = 'command not found (is the tool installed?)';
    else if (c.exitCode === 126) problem = 'command not executable';
    if (!problem) continue;
    const excerpt = c.logPath ? await logTail(c.logPath) : undefined;
    out.push({ package: c.package, id: c.id, command: c.command, problem, ...(excerpt ? { excerpt } : {}) });
  }
  return out;
}

async function logTail(file: string, lines = 15): Promise<string | undefined> {
  try {
    const text = (await readFile(file, 'utf8')).trimEnd();
    return text.split('\n').slice(-lines).join('\n') || undefined;
  } catch {
    return undefined;
  }
}
