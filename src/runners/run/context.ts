import path from 'node:path';
import type { PlannedPackage, PlannedSuite, TestPlan } from '../../events/index.js';
import type { SuiteContext } from '../types.js';

/** A directory name for a suite's output: the runner id, plus the command id for custom commands. */
export function suiteKey(suite: PlannedSuite): string {
  const id = suite.options?.id;
  return typeof id === 'string' ? `${suite.runner}-${id.replace(/[^\w.-]+/g, '_')}` : suite.runner;
}

/** Where a package's output goes under the run's directory ('_root' for the repository root). */
export function packageOutDir(outDir: string, pkgDir: string): string {
  return path.join(outDir, pkgDir === '.' ? '_root' : pkgDir);
}

export function suiteContext(plan: TestPlan, pkg: PlannedPackage, suite: PlannedSuite, reportDir: string, flakyReruns: number): SuiteContext {
  return {
    root: plan.root,
    pkgDir: pkg.dir,
    pkgAbs: pkg.dir === '.' ? plan.root : path.join(plan.root, pkg.dir),
    suite,
    reportDir,
    flakyReruns,
  };
}
