import type { SutureConfig } from '../config/schema.js';
import type {
  AttemptOutcome,
  AttemptRecord,
  Cluster,
  ClusterResolution,
  CommandRecord,
  FailureEvent,
  Patch,
  RunOutcome,
  TestPlan,
  TestResult,
  Verdict,
} from '../events/index.js';
import type { Fixer } from '../fixers/types.js';
import type { HealReporter } from '../report/types.js';
import type { Store } from '../store/types.js';

/** The fields a runner needs to re-run one test (the runners' TestRef). */
export type TestRef = Pick<TestResult, 'test_id' | 'framework' | 'file' | 'name' | 'suite' | 'package'>;

/** Options the loop passes to the runners (a subset of theirs). */
export interface RunCallOptions {
  runId: string;
  outDir: string;
  signal?: AbortSignal;
  /** Re-runs of a failed test to tell flaky from real (0 for targeted re-runs). */
  flakyReruns?: number;
  timeoutMs?: number;
}

export interface TriageCallOptions {
  config: SutureConfig;
  store?: Store;
  repo?: string;
  totalTests?: number;
  /** Repository root (for a relative triage.model path). */
  root?: string;
}

export interface JudgeCallOptions {
  root: string;
  confidence?: number;
  config: SutureConfig;
  store?: Store;
  repo?: string;
}

/** Whether auto-apply is allowed right now (circuit breaker, daily rate limit). */
export interface GateResult {
  allowed: boolean;
  reason?: string;
}

/**
 * The stages the loop calls. Injected so the loop's tests can run against small real stand-ins and
 * so a new provider (a model-backed fixer) is one more entry in `fixers`.
 */
export interface HealDeps {
  detectPlan(root: string, config: SutureConfig): Promise<TestPlan>;
  runPlan(plan: TestPlan, opts: RunCallOptions): Promise<RunOutcome>;
  rerunTests(plan: TestPlan, tests: TestRef[], opts: RunCallOptions): Promise<RunOutcome>;
  triage(events: FailureEvent[], opts: TriageCallOptions): Promise<{ events: FailureEvent[]; clusters: Cluster[] }>;
  /** The guard. Absent means no guard is available: nothing is ever auto-applied. */
  judge?(patch: Patch, opts: JudgeCallOptions): Promise<Verdict>;
  /** Circuit breaker and rate limit; absent means auto-apply is not gated beyond the guard. */
  gate?(opts: { store?: Store; repo: string; root: string; config: SutureConfig }): Promise<GateResult>;
  /** Opens the store; failures degrade to a run without history. */
  openStore?(root: string, config: SutureConfig, warn: (message: string) => void): Promise<Store & { failure?: { exitCode: number; message: string } }>;
  /** Ordered, cheapest first. */
  fixers: Fixer[];
}

export interface HealOptions {
  /** Any directory inside the user's repository. */
  root: string;
  config: SutureConfig;
  /** Run everything, change nothing anywhere (no outputs, no store, no apply). */
  dryRun?: boolean;
  /** Write auto-approved fixes into the user's tree. */
  apply?: boolean;
  /** Apply and commit each one (implies apply). */
  commit?: boolean;
  reporters?: HealReporter[];
  signal?: AbortSignal;
  runId?: string;
}

/** A fixer asked about a cluster that offered nothing (or an edit that was not usable), with why. */
export interface FixerNote {
  fixer: string;
  result: 'pass' | 'unfixable' | 'no-change' | 'repeat' | 'error' | 'budget-exhausted';
  reason: string;
}

export interface ClusterOutcome {
  /** Short stable id used in file names: fix-<id>.yaml, <id>.patch. */
  id: string;
  cluster: Cluster;
  events: FailureEvent[];
  resolution: ClusterResolution;
  /** Why it ended that way, in one sentence. */
  reason: string;
  attempts: AttemptRecord[];
  notes: FixerNote[];
  /** What the fixers logged while working on it. */
  log?: string[];
  /** The verified patch (healed and proposed clusters). */
  patch?: Patch;
  fixer?: string;
  fixSummary?: string;
  verdict?: Verdict;
  /** Position of its patch in the stack of verified fixes (each verified on top of the ones before). */
  stackIndex?: number;
  /** Set when another cluster's verified patch made this one pass. */
  healedBy?: string;
  /** From the start of the run to the verified fix. */
  timeToGreenMs?: number;
  applied?: boolean;
  /** Commit sha when --commit committed it. */
  commit?: string;
}

/** A test command that could not do its job (missing tool, crash, timeout): reported, never "fixed". */
export interface CommandProblem {
  package: string;
  id: string;
  command: string;
  problem: string;
  /** The last lines of its output (the log itself lives in a temp dir removed after the run). */
  excerpt?: string;
}

export interface HealResult {
  runId: string;
  repo: string;
  root: string;
  /** HEAD when the run started (undefined in a repository without commits). */
  head?: string;
  /** The snapshot of the user's state every attempt started from. */
  snapshot: string;
  startedAt: string;
  finishedAt: string;
  dryRun: boolean;
  baseline: { totals: RunOutcome['totals']; failures: number; commands: CommandRecord[] };
  clusters: ClusterOutcome[];
  commandProblems: CommandProblem[];
  /** Test commands run (baseline, targeted and full verification runs). */
  testRuns: number;
  /** Wall time spent inside test commands, for the overhead figure. */
  testTimeMs: number;
  durationMs: number;
  /** Wall time per phase (stage:<id>, runner, fixer:<id>, guard, sandbox): where suture's own time went. */
  phaseMs: Record<string, number>;
  /** Leftover sandboxes of killed runs cleaned at start. */
  cleanedLeftovers: number;
  warnings: string[];
  /** Set when --apply was asked but nothing could be applied, or some was refused. */
  applyNote?: string;
  /** Paths written (repository-relative), empty on --dry-run. */
  outputs: string[];
  /** The store failed during the run (it continued without history): the exit code it asks for. */
  storeFailure?: { message: string; exitCode: number };
}

export type { AttemptOutcome };
