import type { Cluster, FailureEvent } from '../events/index.js';
import type { Classifier } from './classify.js';
import { buildClusters, type Annotated, type ClusterOptions } from './cluster.js';
import type { FingerprintRule } from './config.js';
import { fingerprint } from './fingerprint.js';

interface Group {
  /** Members kept for cluster building: the first few, plus every distinct test's first failure. */
  members: Annotated[];
  tests: Set<string>;
  count: number;
  first: string;
  last: string;
}

const KEEP_PER_GROUP = 50;

/**
 * Triage for streams of any length: each event is annotated as it arrives (and can be written out
 * straight away); per root cause only a bounded sample of members is kept, plus the set of distinct
 * failing tests. Memory grows with clusters and distinct tests, not with events.
 */
export class TriageAccumulator {
  readonly #groups = new Map<string, Group>();
  #events = 0;

  constructor(
    private readonly classifier: Classifier,
    private readonly rules: FingerprintRule[] = [],
  ) {}

  get events(): number {
    return this.#events;
  }

  get groups(): number {
    return this.#groups.size;
  }

  /** Annotates one event and folds it into its root-cause group. */
  add(ev: FailureEvent): FailureEvent {
    const c = this.classifier.classify(ev);
    const fp = fingerprint(ev, this.rules);
    const annotated: FailureEvent = { ...ev, stage: c.stage, category: c.category, confidence: c.confidence, fingerprint: fp };
    this.#events++;
    let g = this.#groups.get(fp);
    if (!g) this.#groups.set(fp, (g = { members: [], tests: new Set(), count: 0, first: ev.ts, last: ev.ts }));
    g.count++;
    if (ev.ts < g.first) g.first = ev.ts;
    if (ev.ts > g.last) g.last = ev.ts;
    const newTest = !g.tests.has(ev.test_id);
    g.tests.add(ev.test_id);
    if (g.members.length < KEEP_PER_GROUP || newTest) g.members.push({ event: annotated, classification: c, fingerprint: fp });
    return annotated;
  }

  /** Clusters in heal order; counts and first/last seen cover every event, not only the kept sample. */
  clusters(opts: ClusterOptions): Cluster[] {
    const items: Annotated[] = [];
    for (const g of this.#groups.values()) items.push(...g.members);
    const clusters = buildClusters(items, opts);
    for (const c of clusters) {
      if (c.infrastructure) {
        // The infrastructure cluster took every non-flaky test failure: sum the groups it took.
        const taken = [...this.#groups.values()].filter((g) => g.members[0]!.event.kind === 'test' && g.members.some((m) => m.event.status !== 'flaky' && m.classification.category !== 'flaky'));
        c.count = taken.reduce((n, g) => n + g.count, 0);
        c.testIds = [...new Set(taken.flatMap((g) => [...g.tests]))];
        c.firstSeen = taken.reduce((t, g) => (g.first < t ? g.first : t), c.firstSeen);
        c.lastSeen = taken.reduce((t, g) => (g.last > t ? g.last : t), c.lastSeen);
        continue;
      }
      const g = this.#groups.get(c.fingerprint);
      if (!g) continue;
      c.count = g.count;
      c.firstSeen = g.first;
      c.lastSeen = g.last;
      c.testIds = [...g.tests];
    }
    return clusters;
  }
}
