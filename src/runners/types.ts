import type { PlannedCheck, PlannedSuite, TestResult } from '../events/index.js';
import type { ExecResult } from './exec/spawn.js';
import type { PackageInfo } from './detect/package-info.js';

export type { PackageInfo } from './detect/package-info.js';

/** The fields of a result a runner needs to re-run that one test. */
export type TestRef = Pick<TestResult, 'test_id' | 'framework' | 'file' | 'name' | 'suite' | 'package'>;

/** What a runner or check needs to build its commands: where the repository and package are, where reports go. */
export interface SuiteContext {
  /** Absolute repository root. */
  root: string;
  /** Repository-relative package dir, '.' for the root. */
  pkgDir: string;
  /** Absolute package dir. */
  pkgAbs: string;
  suite: PlannedSuite;
  /** Absolute directory for this invocation's reports (created before the command runs). */
  reportDir: string;
  /** Re-runs suture will do itself; runners that re-run natively (Surefire) use it instead. */
  flakyReruns: number;
}

/** One report an invocation writes: an exact path, or a glob for tools that choose their own names. */
export interface ReportSpec {
  /** Absolute path, or a glob relative to the invocation's cwd when `glob` is true. */
  path: string;
  glob?: boolean;
  /** Forced report format for the ingest facade; omitted means detection from content. */
  format?: string;
}

/** A command to execute, with its reporters already injected through flags or environment. */
export interface Invocation {
  /** argv[0] is an absolute path when the binary was found, else the bare name (spawn reports it missing). */
  argv: string[];
  cwd: string;
  /** Added to the child environment built by childEnv(). */
  env?: Record<string, string>;
  reports: ReportSpec[];
  /** The command's stdout is itself the report (go test -json, terraform validate -json, cargo's text). */
  stdoutReport?: { format?: string };
  /** Exit codes that mean "nothing failed" besides 0 (pytest's 5: no tests collected). */
  okExitCodes?: number[];
  /** The tool a person installs when argv[0] is missing ("vitest", "pytest", "go"). */
  tool: string;
  /** How to install the tool, shown when it is missing. */
  installHint?: string;
}

/**
 * One test framework. `detect` returns null for "not mine". Everything else is optional where a
 * sensible default exists, so a new framework is one folder and one registry line.
 */
export interface Runner {
  readonly id: string;
  /** Display name: "Vitest", "go test". */
  readonly label: string;
  detect(pkg: PackageInfo): PlannedSuite | null | Promise<PlannedSuite | null>;
  /** The full suite with machine-readable reporters injected. */
  fullRun(ctx: SuiteContext): Invocation;
  /** Only the given tests, with the framework's own filter; undefined when it cannot target them. */
  targetedRun?(ctx: SuiteContext, tests: TestRef[]): Invocation | undefined;
  /** Reads what an invocation wrote; the default reads every report through the ingest facade. */
  readResults?(ctx: SuiteContext, inv: Invocation, run: { exec: ExecResult; logPath: string; stdoutPath?: string }): AsyncIterable<TestResult>;
  /** Compile errors in the log of a run that failed without reporting a failing test (go's build errors go to stderr). */
  diagnose?(ctx: SuiteContext, log: string): TestResult[];
  /** Fixes up one result: repository-relative `file` the tool printed relative to something else, etc. */
  normalize?(ctx: SuiteContext, result: TestResult): TestResult;
  /** A command a person can paste at the repository root that re-runs exactly this test. */
  reproCommand?(ctx: SuiteContext, test: TestRef): string | undefined;
  /** The framework re-runs failures itself and the report marks flakes (Surefire rerunFailingTestsCount). */
  nativeReruns?(ctx: SuiteContext): boolean;
  /** The kind of results it produces when not 'test' (terraform validate diagnostics are 'build'). */
  readonly resultKind?: 'test' | 'build';
}

/** A build/typecheck/lint check: detected per package, run once, output read by the build-log extractors. */
export interface CheckDetector {
  readonly id: string;
  detect(pkg: PackageInfo): PlannedCheck[] | Promise<PlannedCheck[]>;
}

/** Progress of a run, for the terminal display and the server's progress stream. */
export type Progress =
  | { type: 'start'; what: 'suite' | 'check' | 'rerun'; package: string; id: string; command: string; index: number; total: number }
  | {
      type: 'end';
      what: 'suite' | 'check' | 'rerun';
      package: string;
      id: string;
      exitCode: number | null;
      timedOut: boolean;
      durationMs: number;
      passed: number;
      failed: number;
    };

export interface RunOptions {
  runId: string;
  /** Where logs, raw reports and (for the CLI) events.ndjson go. */
  outDir: string;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** Re-runs of each failed test to tell flaky from real (default: config runners.flaky_reruns, else 2). */
  flakyReruns?: number;
  /** Extra environment for the child processes, on top of childEnv()'s allowlist. */
  env?: Record<string, string>;
  /** Per command (default: config runners.timeout_seconds * 1000, else 15 minutes). */
  timeoutMs?: number;
  /** Only these package dirs (repository-relative) or names. */
  only?: string[];
  /** Skip builds, type checks and linters. */
  noChecks?: boolean;
}
