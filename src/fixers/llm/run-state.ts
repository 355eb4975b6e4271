import type { ProviderChain } from './providers/chain.js';
import type { Plan } from './answer/apply.js';
import type { Edit } from './answer/types.js';
import { noSpend, type Spend } from './budget.js';

/** A verified-later candidate kept from a sampling round: tried in a later attempt, smallest first. */
export interface Sample {
  edits: Edit[];
  explanation: string;
  size: number;
  provider: string;
  model: string;
}

/** What the model fixers keep across the attempts of one heal run. */
export interface RunState {
  spend: Spend;
  chain?: ProviderChain;
  chainMissing?: string[];
  /** Samples not yet tried, by cluster fingerprint. */
  samples: Map<string, Sample[]>;
}

const MAX_RUNS = 8;
const runs = new Map<string, RunState>();

/** This run's state (runs are few and short; the oldest is forgotten past MAX_RUNS). */
export function runState(runId: string): RunState {
  let s = runs.get(runId);
  if (!s) {
    s = { spend: noSpend(), samples: new Map() };
    runs.set(runId, s);
    if (runs.size > MAX_RUNS) runs.delete(runs.keys().next().value!);
  }
  return s;
}

export function sampleOf(plan: Plan, edits: Edit[], explanation: string, provider: string, model: string): Sample {
  return { edits, explanation, size: plan.size, provider, model };
}
