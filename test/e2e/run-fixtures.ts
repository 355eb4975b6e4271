import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import type { FailureEvent, RunOutcome, TestPlan } from '../../src/events/index.js';
import { detectPlan, rerunTests, runPlan } from '../../src/runners/index.js';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = path.join(REPO, 'test/fixtures/projects');

/** Compile caches that survive between test runs, so go and cargo only build a fixture once. */
export const CARGO_TARGET = path.join(tmpdir(), 'suture-test-cache', 'cargo-target');

/**
 * A fresh copy of a fixture project in a temp dir (JavaScript fixtures get a node_modules link to the
 * repository's), with its own flaky-counter dir so every copy starts with a failing first attempt.
 */
export function copyFixture(name: string): { root: string; flakyDir: string; outDir: string; env: Record<string, string>; cleanup: () => void } {
  const base = mkdtempSync(path.join(tmpdir(), `suture-e2e-${name}-`));
  const root = path.join(base, name);
  cpSync(path.join(FIXTURES, name), root, { recursive: true });
  symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'));
  const flakyDir = path.join(base, 'flaky');
  const env = {
    SUTURE_FLAKY_DIR: flakyDir,
    CARGO_TARGET_DIR: CARGO_TARGET,
    CARGO_NET_OFFLINE: 'true',
    GOFLAGS: '-mod=mod',
    GOPROXY: 'off',
  };
  return { root, flakyDir, outDir: path.join(base, 'out'), env, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

/** Runs a printed command exactly as a person would paste it, at the repository root. */
export function sh(command: string, cwd: string, env: Record<string, string>): { code: number | null; out: string } {
  const r = spawnSync('sh', ['-c', command], { cwd, env: { ...process.env, ...env, NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true' }, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
}

export interface FrameworkCase {
  fixture: string;
  runner: string;
  /** Exact fields of the deterministic failure's event. */
  failure: Partial<FailureEvent>;
  /** Exact fields of the flaky test's event. */
  flaky: Partial<FailureEvent>;
  /** test_id of a passing test. */
  passing: string;
  /** What the failure's repro prints when it ran that one test (and it failed). */
  reproFailed: RegExp;
  /** What the flaky test's repro prints when it ran that one test (and it passed). */
  reproPassed: RegExp;
  /** Appended to the repro command when the tool needs to be verbose to show what ran. */
  reproSuffix?: string;
  /** Also check rerunTests (one targeted command for a failing and a passing test). */
  rerun?: boolean;
  /** Flaky re-runs (default 2, the configuration's default). */
  reruns?: number;
}

export const defaults = () => configSchema.parse({});

/**
 * The whole contract on one real framework: detection finds exactly its suite, the run reports the
 * deterministic failure as failed (never flaky) and the seeded flaky test as flaky with evidence,
 * each event's repro_cmd re-runs that one test when pasted, and rerunTests targets single tests.
 */
export async function checkFramework(c: FrameworkCase): Promise<void> {
  const fx = copyFixture(c.fixture);
  try {
    const plan: TestPlan = await detectPlan(fx.root, defaults());
    expect(plan.packages.map((p) => [p.dir, p.suites.map((s) => s.runner)])).toEqual([['.', [c.runner]]]);
    const outcome: RunOutcome = await runPlan(plan, { runId: 'e2e', outDir: fx.outDir, env: fx.env, noChecks: true, flakyReruns: c.reruns ?? 2 });

    const events = outcome.events;
    expect(events.map((e) => [e.test_id, e.status]).sort()).toEqual([[c.failure.test_id, 'failed'], [c.flaky.test_id, 'flaky']].sort());
    const failure = events.find((e) => e.test_id === c.failure.test_id)!;
    const flaky = events.find((e) => e.test_id === c.flaky.test_id)!;
    expect(failure).toMatchObject({ v: 1, kind: 'test', run_id: 'e2e', framework: c.runner, ...c.failure });
    expect(failure.flaky).toBeUndefined();
    expect(failure.package).toBeUndefined();
    expect(flaky).toMatchObject({ kind: 'test', framework: c.runner, ...c.flaky, flaky: { source: 'suture-rerun', runs: 2, failures: 1, passes: 1 } });
    expect(outcome.results.find((r) => r.test_id === c.passing)?.status).toBe('passed');
    // The full run plus the targeted re-runs: the flaky test stops after its pass, the real failure runs out of attempts.
    const rounds = Array.from({ length: c.reruns ?? 2 }, (_, i) => `${c.runner}#rerun-${i + 1}`);
    expect(outcome.commands.map((x) => x.id)).toEqual([c.runner, ...rounds]);

    const suffix = c.reproSuffix ?? '';
    const failed = sh(failure.repro_cmd! + suffix, fx.root, fx.env);
    expect(failed.code, failed.out).not.toBe(0);
    expect(failed.out).toMatch(c.reproFailed);
    const passed = sh(flaky.repro_cmd! + suffix, fx.root, fx.env);
    expect(passed.code, passed.out).toBe(0);
    expect(passed.out).toMatch(c.reproPassed);

    if (!c.rerun) return;
    const again = await rerunTests(plan, [failure, { ...outcome.results.find((r) => r.test_id === c.passing)! }], { runId: 'e2e-rerun', outDir: path.join(fx.outDir, 'rerun'), env: fx.env });
    expect(again.commands).toHaveLength(1);
    const status = Object.fromEntries(again.results.filter((r) => r.kind === 'test').map((r) => [r.test_id, r.status]));
    expect(status[c.failure.test_id!]).toBe('failed');
    expect(status[c.passing]).toBe('passed');
  } finally {
    fx.cleanup();
  }
}
