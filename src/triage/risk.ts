import type { Cluster } from '../events/index.js';
import type { Stage } from './taxonomy.js';

/** How much a failure at this stage blocks or endangers the rest of the pipeline. */
const STAGE_WEIGHT: Record<Stage, number> = {
  setup: 0.9,
  'dependency-install': 0.85,
  compile: 0.9,
  deploy: 0.8,
  test: 0.65,
  license: 0.5,
  coverage: 0.35,
  lint: 0.3,
  docs: 0.2,
  unknown: 0.5,
};

/** Heal order by stage: causes that stop later stages from running (or make their failures meaningless) go first. */
const STAGE_ORDER: Record<Stage, number> = {
  setup: 0,
  'dependency-install': 1,
  compile: 2,
  test: 3,
  deploy: 4,
  coverage: 5,
  license: 6,
  lint: 7,
  docs: 8,
  unknown: 9,
};

export interface RiskInput {
  stage: string;
  tests: number;
  flaky: boolean;
  confidence: number;
  infrastructure: boolean;
  /** Share of this cluster's tests' past runs that failed (0..1), from the store; undefined without history. */
  recurrence?: number;
  /** Share of this cluster's tests' past failures that were flaky (0..1). */
  flakyHistory?: number;
}

/**
 * Risk in [0,1]: how urgent and dangerous the cluster is. Half its weight is the stage (a broken
 * install blocks everything; a docs warning blocks nothing), a quarter how many tests it takes down
 * (log scale: 1 test 0.0, 10 tests 0.5, 100+ tests 1.0), the rest recurrence from history. Flaky
 * clusters and clusters with a flaky past are discounted: they are reported, not healed.
 */
export function riskScore(r: RiskInput): number {
  const stage = STAGE_WEIGHT[r.stage as Stage] ?? 0.5;
  const breadth = Math.min(1, Math.log10(Math.max(1, r.tests)) / 2);
  const recurrence = r.recurrence ?? 0;
  let risk = 0.5 * stage + 0.25 * breadth + 0.15 * recurrence + 0.1 * r.confidence;
  if (r.infrastructure) risk = Math.max(risk, 0.9);
  if (r.flaky) risk *= 0.4;
  else if (r.flakyHistory !== undefined) risk *= 1 - 0.5 * r.flakyHistory;
  return Number(Math.min(1, Math.max(0, risk)).toFixed(3));
}

/**
 * Heal order: infrastructure first (nothing else is trustworthy until it is fixed), then by stage
 * (install before compile before tests), then by risk; flaky clusters last. Sets `priority` 1..n.
 */
export function assignPriority(clusters: Cluster[]): Cluster[] {
  const sorted = [...clusters].sort((a, b) => {
    if (a.flaky !== b.flaky) return a.flaky ? 1 : -1;
    if (Boolean(a.infrastructure) !== Boolean(b.infrastructure)) return a.infrastructure ? -1 : 1;
    const so = (STAGE_ORDER[a.stage as Stage] ?? 9) - (STAGE_ORDER[b.stage as Stage] ?? 9);
    if (so !== 0) return so;
    if (b.risk !== a.risk) return b.risk - a.risk;
    if (b.count !== a.count) return b.count - a.count;
    return a.fingerprint < b.fingerprint ? -1 : 1;
  });
  sorted.forEach((c, i) => (c.priority = i + 1));
  return sorted;
}
