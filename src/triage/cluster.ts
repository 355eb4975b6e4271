import { createHash } from 'node:crypto';
import type { Cluster, FailureEvent } from '../events/index.js';
import type { Classification } from './classify.js';
import { FINGERPRINT_VERSION } from './fingerprint.js';
import { messageHead } from './normalise.js';
import { assignPriority, riskScore } from './risk.js';
import { explain, type Category } from './taxonomy.js';

export interface ClusterOptions {
  /** Tests in the run (passed included), when known: the denominator for "most tests failed". */
  totalTests?: number;
  infrastructureRatio: number;
  infrastructureMinFailures: number;
  /** Per test id: past failures, flaky failures and runs (from the store). */
  history?: Map<string, { failures: number; flaky: number; runs: number }>;
}

export interface Annotated {
  event: FailureEvent;
  classification: Classification;
  fingerprint: string;
}

function isFlaky(a: Annotated): boolean {
  return a.event.status === 'flaky' || a.classification.category === 'flaky';
}

/** The richest member: one with a stack and a file beats a bare message; earliest on ties. */
function representative(members: Annotated[]): Annotated {
  let best = members[0]!;
  let bestScore = -1;
  for (const m of members) {
    const s = (m.event.stack ? 2 : 0) + (m.event.file ? 1 : 0) + (m.event.error_class || m.event.error_code ? 1 : 0);
    if (s > bestScore || (s === bestScore && m.event.ts < best.event.ts)) {
      best = m;
      bestScore = s;
    }
  }
  return best;
}

/**
 * "Most tests failed at once": the failing tests are at least `infrastructureRatio` of the run (when the
 * total is known) or, without a total, at least 20 failures of which 80% say the same thing.
 */
function infrastructureGroup(tests: Annotated[], opts: ClusterOptions): boolean {
  const distinct = new Set(tests.map((t) => t.event.test_id)).size;
  if (distinct < opts.infrastructureMinFailures) return false;
  if (opts.totalTests !== undefined && opts.totalTests > 0) return distinct / opts.totalTests >= opts.infrastructureRatio;
  if (distinct < Math.max(20, opts.infrastructureMinFailures)) return false;
  const heads = new Map<string, number>();
  for (const t of tests) {
    const h = messageHead(t.event.message, 1, 120);
    heads.set(h, (heads.get(h) ?? 0) + 1);
  }
  return Math.max(...heads.values()) / tests.length >= 0.8;
}

function majority<T extends string>(xs: T[]): T {
  const n = new Map<T, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0]![0];
}

function makeCluster(fingerprint: string, members: Annotated[], infrastructure: boolean, opts: ClusterOptions): Cluster {
  const rep = representative(members);
  const testIds = [...new Set(members.map((m) => m.event.test_id))];
  const ts = members.map((m) => m.event.ts).sort();
  const flaky = members.every(isFlaky);
  const category = infrastructure ? majority(members.map((m) => m.classification.category)) : rep.classification.category;
  const stage = infrastructure ? 'setup' : rep.classification.stage;
  const confidence = infrastructure ? members.filter((m) => m.classification.category === category).reduce((s, m) => s + m.classification.confidence, 0) / members.length : rep.classification.confidence;
  let recurrence: number | undefined;
  let flakyHistory: number | undefined;
  if (opts.history) {
    let runs = 0;
    let failures = 0;
    let flakyFailures = 0;
    for (const id of testIds) {
      const h = opts.history.get(id);
      if (!h) continue;
      runs += h.runs;
      failures += h.failures;
      flakyFailures += h.flaky;
    }
    if (runs > 0) recurrence = Math.min(1, failures / runs);
    if (failures > 0) flakyHistory = flakyFailures / failures;
  }
  const e = infrastructure
    ? { rootCause: `Most of the run's tests failed at once (${testIds.length}${opts.totalTests ? ` of ${opts.totalTests}` : ''}): the environment is broken, not ${testIds.length} separate bugs. ${explain(rep.classification.stage, category).rootCause}`, suggestedFix: `Fix the shared cause first (service, setup, dependency or configuration), then re-run before looking at individual tests. ${explain(rep.classification.stage, category).suggestedFix}` }
    : { rootCause: rep.classification.rootCause, suggestedFix: rep.classification.suggestedFix };
  const c: Cluster = {
    fingerprint,
    stage,
    category,
    confidence: Number(confidence.toFixed(4)),
    rootCause: e.rootCause,
    suggestedFix: e.suggestedFix,
    testIds,
    count: members.length,
    firstSeen: ts[0]!,
    lastSeen: ts[ts.length - 1]!,
    representative: rep.event,
    flaky,
    risk: 0,
    priority: 0,
  };
  const risk: Parameters<typeof riskScore>[0] = { stage, tests: testIds.length, flaky, confidence: c.confidence, infrastructure };
  if (recurrence !== undefined) risk.recurrence = recurrence;
  if (flakyHistory !== undefined) risk.flakyHistory = flakyHistory;
  c.risk = riskScore(risk);
  if (infrastructure) c.infrastructure = true;
  return c;
}

/**
 * Groups annotated events into clusters (one per fingerprint), or, when most of the run's tests fail at
 * once, all test failures into one infrastructure cluster. Returns clusters in heal order.
 */
export function buildClusters(items: Annotated[], opts: ClusterOptions): Cluster[] {
  const tests = items.filter((a) => a.event.kind === 'test' && !isFlaky(a));
  const infra = tests.length > 0 && infrastructureGroup(tests, opts);
  const groups = new Map<string, Annotated[]>();
  const clusters: Cluster[] = [];
  if (infra) {
    const cat = majority(tests.map((t) => t.classification.category)) as Category;
    const head = majority(tests.filter((t) => t.classification.category === cat).map((t) => messageHead(t.event.message, 1, 120)));
    // Stable across runs: the dominant cause's category and wording, not the run or its size.
    const fp = `${FINGERPRINT_VERSION}:infra:${createHash('sha1').update(`${cat}\u0000${head}`).digest('hex').slice(0, 16)}`;
    clusters.push(makeCluster(fp, tests, true, opts));
  }
  const inInfra = new Set(infra ? tests : []);
  for (const a of items) {
    if (inInfra.has(a)) continue;
    (groups.get(a.fingerprint) ?? groups.set(a.fingerprint, []).get(a.fingerprint)!).push(a);
  }
  for (const [fp, members] of groups) clusters.push(makeCluster(fp, members, false, opts));
  return assignPriority(clusters);
}
