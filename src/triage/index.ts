import path from 'node:path';
import type { SutureConfig } from '../config/schema.js';
import type { Cluster, FailureEvent } from '../events/index.js';
import type { Store } from '../store/types.js';
import { Classifier, type Classification } from './classify.js';
import type { ClusterOptions } from './cluster.js';
import { TriageAccumulator } from './stream.js';
import type { CustomPattern, FingerprintRule } from './config.js';
import { fingerprint as fingerprintOf } from './fingerprint.js';
import { readModel, shippedModel } from './model/model-file.js';

export { Classifier, type Classification } from './classify.js';
export { FINGERPRINT_VERSION, fingerprintParts, type FingerprintParts } from './fingerprint.js';
export { normaliseMessage, messageHead } from './normalise.js';
export { categories, stages, explain, stageLabels, categoryExplanations, type Category, type Stage } from './taxonomy.js';
export { analyzeHistory, type HistoryEvent, type Trends } from './analyze.js';
export { riskScore, assignPriority } from './risk.js';
export { TriageAccumulator } from './stream.js';
export { buildClusters, type ClusterOptions } from './cluster.js';
export { triageConfigSchema, type TriageConfig } from './config.js';

const classifiers = new Map<string, Classifier>();

/**
 * The classifier for a configuration: its custom patterns, and its model file (or the shipped one).
 * Cached, so the model file is read once per process.
 */
export function classifierFor(config?: Pick<SutureConfig, 'triage'>, root = process.cwd()): Classifier {
  const t = config?.triage;
  const modelPath = t?.model ? path.resolve(root, t.model) : '';
  const custom: CustomPattern[] = t?.patterns ?? [];
  const key = `${modelPath}\u0000${JSON.stringify(custom)}`;
  let c = classifiers.get(key);
  if (!c) {
    c = new Classifier(modelPath ? readModel(modelPath) : shippedModel(), custom);
    classifiers.set(key, c);
  }
  return c;
}

/** Stage, category, calibrated confidence, root cause and next step for one event (rules first, then the shipped model). */
export function classify(ev: FailureEvent, config?: Pick<SutureConfig, 'triage'>): Classification {
  return classifierFor(config).classify(ev);
}

/** Versioned root-cause signature ("fp1:…"); `rules` from `triage.fingerprint.rules` can override or refine it. */
export function fingerprint(ev: FailureEvent, rules?: FingerprintRule[]): string {
  return fingerprintOf(ev, rules);
}

export interface TriageOptions {
  config: SutureConfig;
  store?: Store;
  repo?: string;
  /** Tests in the run (passed included), when known: makes "most tests failed at once" exact. */
  totalTests?: number;
  /** Repository root, for a relative `triage.model` path. */
  root?: string;
}

/** Test histories looked up per triage call; beyond this, clusters are scored without history. */
const MAX_HISTORY_LOOKUPS = 500;

/**
 * Annotates every event (stage, category, confidence, fingerprint) and groups them into clusters in
 * heal order, with risk, flaky and infrastructure flags. With a store, each test's history feeds the
 * risk (recurrence, flaky past). Does not write to the store: the caller records events and clusters.
 */
export async function triage(events: FailureEvent[], opts: TriageOptions): Promise<{ events: FailureEvent[]; clusters: Cluster[] }> {
  const classifier = classifierFor(opts.config, opts.root);
  const acc = new TriageAccumulator(classifier, opts.config.triage.fingerprint.rules);
  const annotated = events.map((ev) => acc.add(ev));
  let history: Map<string, { failures: number; flaky: number; runs: number }> | undefined;
  if (opts.store && opts.repo) {
    history = new Map();
    const ids = [...new Set(events.map((e) => e.test_id))].slice(0, MAX_HISTORY_LOOKUPS);
    for (const id of ids) history.set(id, await opts.store.testHistory(opts.repo, id));
  }
  const clusterOpts: ClusterOptions = {
    infrastructureRatio: opts.config.triage.infrastructure_ratio,
    infrastructureMinFailures: opts.config.triage.infrastructure_min_failures,
  };
  if (opts.totalTests !== undefined) clusterOpts.totalTests = opts.totalTests;
  if (history) clusterOpts.history = history;
  return { events: annotated, clusters: acc.clusters(clusterOpts) };
}
