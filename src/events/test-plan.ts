/**
 * What `detect` found and `run` executes. Plain data (JSON-serialisable) so `suture detect --json`
 * prints it and the heal loop can re-run it inside a worktree by swapping `root`.
 */
export interface TestPlan {
  /** Absolute path of the repository root the plan was made for. */
  root: string;
  packages: PlannedPackage[];
}

export interface PlannedPackage {
  /** Repository-relative directory, '.' for the root. */
  dir: string;
  name?: string;
  /** Test suites of this package, one per detected framework. */
  suites: PlannedSuite[];
  /** Builds, type checks, linters. */
  checks: PlannedCheck[];
}

export interface PlannedSuite {
  /** Runner id: vitest, jest, mocha, node-test, bun, pytest, go, cargo, surefire, terraform, command. */
  runner: string;
  /** Why we believe it: "vitest in devDependencies", "pytest.ini present". */
  detectedBy: string;
  /** The full-run command as a person would type it (for display and repro). */
  command: string;
  /** Extra settings the runner needs later (config file path, report glob...). */
  options?: Record<string, unknown>;
}

export type CheckKind = 'build' | 'typecheck' | 'lint';

export interface PlannedCheck {
  /** Stable id within the package: "tsc", "script:lint", "eslint", "ruff", "go-vet", "cargo-clippy". */
  id: string;
  kind: CheckKind;
  detectedBy: string;
  command: string;
  options?: Record<string, unknown>;
}
