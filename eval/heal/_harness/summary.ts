import type { ScenarioResult } from './run-scenario.js';

export const TARGETS = { mechanicalHealRate: 0.7, falseFixes: 0, flakyFixed: 0, medianTimeToGreenMs: 60_000, overhead: 0.2 };

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface EvalSummary {
  scenarios: number;
  mechanical: number;
  mechanicalFixed: number;
  mechanicalHealRate: number;
  asExpected: number;
  /** Scenarios a model-backed fixer fixed (only with --provider), and how many of those were false fixes. */
  fixedByModel: number;
  falseFixes: number;
  flakyFixed: number;
  medianTimeToGreenMs: number | null;
  testTimeMs: number;
  overheadMs: number;
  overhead: number;
  /** The fixers' own time (their work minus the tests they ran): part of overheadMs. */
  fixerOverheadMs: number;
  /** overheadMs without the fixers' own time: the loop's machinery (sandbox, git, guard, triage, runners' bookkeeping, reports). */
  loopOverheadMs: number;
  errors: number;
  /** Summed wall time per phase over all scenarios (overhead breakdown). */
  phaseMs: Record<string, number>;
  meetsTargets: boolean;
}

export function summarize(rs: ScenarioResult[]): EvalSummary {
  const mech = rs.filter((r) => r.mechanical);
  // The target is about the deterministic fixers: a fix a model made does not count towards it.
  const mechanicalFixed = mech.filter((r) => r.fixed && !r.falseFix && !r.usedModel).length;
  const testTimeMs = rs.reduce((n, r) => n + r.testTimeMs, 0);
  const overheadMs = rs.reduce((n, r) => n + Math.max(0, r.durationMs - r.testTimeMs), 0);
  const s: EvalSummary = {
    scenarios: rs.length,
    mechanical: mech.length,
    mechanicalFixed,
    mechanicalHealRate: mech.length ? mechanicalFixed / mech.length : 0,
    asExpected: rs.filter((r) => r.outcome === r.expected).length,
    fixedByModel: rs.filter((r) => r.fixed && r.usedModel && !r.falseFix).length,
    falseFixes: rs.filter((r) => r.falseFix).length,
    flakyFixed: rs.filter((r) => r.flakyFixed).length,
    medianTimeToGreenMs: median(rs.map((r) => r.timeToGreenMs).filter((x): x is number => x !== null)),
    testTimeMs,
    overheadMs,
    overhead: testTimeMs > 0 ? overheadMs / testTimeMs : 0,
    fixerOverheadMs: 0,
    loopOverheadMs: 0,
    errors: rs.filter((r) => r.outcome === 'error').length,
    phaseMs: {},
    meetsTargets: false,
  };
  for (const r of rs) for (const [k, v] of Object.entries(r.phaseMs)) s.phaseMs[k] = (s.phaseMs[k] ?? 0) + v;
  const fixerWall = Object.entries(s.phaseMs).filter(([k]) => k.startsWith('fixer:')).reduce((n, [, v]) => n + v, 0);
  s.fixerOverheadMs = Math.max(0, fixerWall - (s.phaseMs['fixer-tests'] ?? 0));
  s.loopOverheadMs = Math.max(0, s.overheadMs - s.fixerOverheadMs);
  s.meetsTargets =
    s.mechanicalHealRate >= TARGETS.mechanicalHealRate &&
    s.falseFixes === TARGETS.falseFixes &&
    s.flakyFixed === TARGETS.flakyFixed &&
    (s.medianTimeToGreenMs ?? Infinity) < TARGETS.medianTimeToGreenMs &&
    s.overhead < TARGETS.overhead;
  return s;
}

const secs = (ms: number | null) => (ms === null ? '-' : `${(ms / 1000).toFixed(1)}s`);

export function renderRow(r: ScenarioResult): string {
  const hidden = r.hiddenPassed === null ? '-' : r.hiddenPassed ? 'pass' : 'FAIL';
  const mark = r.falseFix || r.flakyFixed ? '✖' : r.outcome === r.expected ? '✔' : '·';
  return [
    mark, r.name.padEnd(30), r.category.padEnd(18), (r.mechanical ? 'yes' : 'no').padEnd(4), r.expected.padEnd(9), r.outcome.padEnd(9),
    (r.fixers.join('+') || '-').padEnd(20), String(r.attempts).padStart(3), String(r.testRuns).padStart(4), secs(r.timeToGreenMs).padStart(7), secs(r.durationMs).padStart(7), hidden.padEnd(5),
    r.error ? ` error: ${r.error}` : '',
  ].join(' ');
}

export const HEADER = `  ${'scenario'.padEnd(30)} ${'category'.padEnd(18)} ${'mech'.padEnd(4)} ${'expected'.padEnd(9)} ${'outcome'.padEnd(9)} ${'fixer'.padEnd(20)} try runs  green   total hidden`;

export function renderSummary(s: EvalSummary): string {
  const ok = (b: boolean) => (b ? 'met' : 'MISSED');
  return [
    `scenarios: ${s.scenarios} (${s.asExpected} ended as expected${s.errors ? `, ${s.errors} errors` : ''})`,
    `mechanically fixable healed by deterministic fixers: ${s.mechanicalFixed}/${s.mechanical} = ${(s.mechanicalHealRate * 100).toFixed(0)}% (target >= 70%: ${ok(s.mechanicalHealRate >= TARGETS.mechanicalHealRate)})`,
    ...(s.fixedByModel ? [`fixed with a model-backed fixer (--provider): ${s.fixedByModel}`] : []),
    `false fixes (healed but the hidden check fails): ${s.falseFixes} (target 0: ${ok(s.falseFixes === 0)})`,
    `flaky scenarios "fixed": ${s.flakyFixed} (target 0: ${ok(s.flakyFixed === 0)})`,
    `median time to green: ${secs(s.medianTimeToGreenMs)} (target < 60s: ${ok((s.medianTimeToGreenMs ?? Infinity) < TARGETS.medianTimeToGreenMs)})`,
    `suture overhead: ${secs(s.overheadMs)} on ${secs(s.testTimeMs)} in test commands = ${(s.overhead * 100).toFixed(1)}% (target < 20%: ${ok(s.overhead < TARGETS.overhead)})`,
    `  of which the fixers' own work: ${secs(s.fixerOverheadMs)}; the loop's machinery: ${secs(s.loopOverheadMs)} = ${s.testTimeMs > 0 ? ((s.loopOverheadMs / s.testTimeMs) * 100).toFixed(1) : '0'}% of test time`,
    `  wall time by phase: ${Object.entries(s.phaseMs).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${secs(v)}`).join(', ')}`,
  ].join('\n');
}
