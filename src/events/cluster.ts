import type { FailureEvent } from './failure-event.js';

/** Failures that share one root cause, as triage groups them. The heal loop works cluster by cluster. */
export interface Cluster {
  /** Versioned fingerprint, e.g. "fp1:3f9a…"; the same root cause keeps the same one across runs. */
  fingerprint: string;
  stage: string;
  category: string;
  /** Calibrated probability that `category` is right. */
  confidence: number;
  rootCause: string;
  suggestedFix: string;
  /** Every failing test (or diagnostic) id in this cluster. */
  testIds: string[];
  count: number;
  firstSeen: string;
  lastSeen: string;
  representative: FailureEvent;
  /** True when every member is flaky: reported, never handed to a fixer. */
  flaky: boolean;
  /** 0..1, higher means more urgent/dangerous. */
  risk: number;
  /** Heal order: lower first. */
  priority: number;
  /** True when this cluster is the symptom of a broken environment (most tests failing at once). */
  infrastructure?: boolean;
}
