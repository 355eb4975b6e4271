import { spawnSync } from 'node:child_process';
import { rm, writeFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config/load.js';
import type { SutureConfig } from '../../../src/config/schema.js';
import type { Fixer } from '../../../src/fixers/types.js';
import { heal } from '../../../src/heal/loop.js';
import type { HealDeps, HealResult } from '../../../src/heal/types.js';
import { materialize } from './materialize.js';
import type { Scenario } from './scenario.js';

export interface ScenarioResult {
  name: string;
  language: string;
  category: string;
  mechanical: boolean;
  expected: string;
  /** healed | proposed | escalated | flaky | green (nothing failed: a broken scenario) | error */
  outcome: string;
  /** A verified patch exists for every non-flaky cluster. */
  fixed: boolean;
  fixers: string[];
  /** A model-backed fixer (cost other than 'free') produced one of the fixes. */
  usedModel: boolean;
  clusters: number;
  attempts: number;
  testRuns: number;
  timeToGreenMs: number | null;
  durationMs: number;
  testTimeMs: number;
  /** Where the time went (stage:*, runner, fixer:*, guard, sandbox). */
  phaseMs: Record<string, number>;
  hiddenPassed: boolean | null;
  falseFix: boolean;
  /** A flaky scenario that suture "fixed" (a failure of the eval). */
  flakyFixed: boolean;
  /** Per cluster: `<resolution> (<fixer>): <reason>`, to see why a scenario ended as it did. */
  notes: string[];
  error?: string;
}

function summarize(r: HealResult): string {
  const cs = r.clusters.filter((c) => c.resolution !== 'flaky');
  if (r.clusters.length === 0) return r.commandProblems.length > 0 ? 'escalated' : 'green';
  if (cs.length === 0) return 'flaky';
  if (cs.some((c) => c.resolution === 'escalated' || c.resolution === 'skipped')) return 'escalated';
  if (cs.some((c) => c.resolution === 'proposed')) return 'proposed';
  return 'healed';
}

function hiddenCheck(s: Scenario, root: string, sutureRoot: string): boolean {
  const r = spawnSync('sh', ['-c', s.hidden], {
    cwd: root,
    env: { ...process.env, HIDDEN: path.join(s.dir, 'hidden'), SUTURE_ROOT: sutureRoot, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (r.status !== 0 && process.env.EVAL_DEBUG) process.stderr.write(`[hidden ${s.name}] ${r.stdout}\n${r.stderr}\n`);
  return r.status === 0;
}

/** Applies the proposals too (a person approving them), so the hidden check judges every verified patch. */
async function applyProposals(root: string, r: HealResult): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'suture-eval-proposal-'));
  try {
    for (const c of r.clusters) {
      if (c.resolution !== 'proposed' || !c.patch || c.healedBy) continue;
      const file = path.join(dir, `${c.id}.patch`);
      await writeFile(file, c.patch.diff.endsWith('\n') ? c.patch.diff : `${c.patch.diff}\n`);
      spawnSync('git', ['apply', file], { cwd: root });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One scenario end to end: a fresh repository, `suture heal --apply` through the real stages, the hidden check. */
export async function runScenario(s: Scenario, sutureRoot: string, baseDeps: HealDeps, extraFixers: Fixer[], configure?: (config: SutureConfig) => void): Promise<ScenarioResult> {
  const root = await materialize(s, sutureRoot);
  const base: ScenarioResult = {
    name: s.name, language: s.language, category: s.category, mechanical: s.mechanical, expected: s.expect, outcome: 'error', fixed: false,
    fixers: [], usedModel: false, clusters: 0, attempts: 0, testRuns: 0, timeToGreenMs: null, durationMs: 0, testTimeMs: 0, phaseMs: {}, hiddenPassed: null, falseFix: false, flakyFixed: false, notes: [],
  };
  try {
    const config = await loadConfig(root);
    configure?.(config);
    const deps: HealDeps = { ...baseDeps, fixers: [...baseDeps.fixers, ...extraFixers] };
    const r = await heal({ root, config, apply: true, reporters: [] }, deps);
    const outcome = summarize(r);
    const fixed = outcome === 'healed' || outcome === 'proposed';
    if (outcome === 'proposed') await applyProposals(root, r);
    const patched = r.clusters.some((c) => c.applied || (c.resolution === 'proposed' && c.patch));
    const hiddenPassed = hiddenCheck(s, root, sutureRoot);
    const greens = r.clusters.map((c) => c.timeToGreenMs).filter((x): x is number => x !== undefined);
    return {
      ...base,
      outcome,
      fixed,
      fixers: [...new Set(r.clusters.map((c) => c.fixer).filter((x): x is string => !!x))],
      usedModel: r.clusters.some((c) => c.fixer && deps.fixers.find((f) => f.id === c.fixer)?.cost !== 'free'),
      clusters: r.clusters.length,
      attempts: r.clusters.reduce((n, c) => n + c.attempts.filter((a) => a.patch).length, 0),
      testRuns: r.testRuns,
      timeToGreenMs: fixed && greens.length > 0 ? Math.max(...greens) : null,
      durationMs: r.durationMs,
      testTimeMs: r.testTimeMs,
      phaseMs: r.phaseMs,
      hiddenPassed,
      falseFix: fixed && !hiddenPassed,
      flakyFixed: s.category === 'flaky' && patched,
      notes: r.clusters.map((c) => `${c.resolution} (${c.fixer ?? '-'}; ${c.cluster.category} ${c.cluster.confidence.toFixed(2)}): ${c.reason}${c.notes.length ? ` | ${c.notes.map((n) => `${n.fixer}:${n.result}:${n.reason}`).join(' | ')}` : ''}`),
    };
  } catch (err) {
    return { ...base, error: (err as Error).message.split('\n')[0] ?? String(err) };
  } finally {
    if (!process.env.EVAL_KEEP) await rm(root, { recursive: true, force: true });
    else process.stderr.write(`[kept ${s.name}] ${root}\n`);
  }
}

/** --validate: the reference solution really passes the hidden check and the scenario really fails without it. */
export async function validateScenario(s: Scenario, sutureRoot: string): Promise<{ brokenFailsHidden: boolean; solutionPassesHidden: boolean | null }> {
  const broken = await materialize(s, sutureRoot);
  const brokenFailsHidden = !hiddenCheck(s, broken, sutureRoot);
  await rm(broken, { recursive: true, force: true });
  if (!s.hasSolution) return { brokenFailsHidden, solutionPassesHidden: null };
  const solved = await materialize(s, sutureRoot, { solution: true });
  const solutionPassesHidden = hiddenCheck(s, solved, sutureRoot);
  await rm(solved, { recursive: true, force: true });
  return { brokenFailsHidden, solutionPassesHidden };
}
