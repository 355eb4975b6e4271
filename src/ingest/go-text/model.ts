/** What go test printed and decided about one test (or subtest: "TestA/sub"). */
export interface GoTest {
  name: string;
  /** From a JSON action, or failing that from a `--- PASS/FAIL/SKIP:` line. */
  status?: 'pass' | 'fail' | 'skip';
  elapsedMs?: number;
  output: string[];
}

/** One package of a go test run. Results are converted when the package ends. */
export interface GoPackage {
  importPath: string | undefined;
  tests: Map<string, GoTest>;
  /** Earlier runs of tests that ran again in the same package run (-count=N). */
  done: GoTest[];
  /** Output not belonging to any test (TestMain, init panics, the summary lines). */
  output: string[];
  status?: 'pass' | 'fail' | 'skip';
  /** Compiler output for the package's test binary, when it did not build. */
  buildOutput: string[];
  buildFailed: boolean;
}

/** Output kept per test: enough for any message, bounded for a test that prints megabytes. */
const MAX_LINES = 2000;
const KEEP_HEAD = 100;

export function pushLine(lines: string[], line: string): void {
  if (lines.length >= MAX_LINES) lines.splice(KEEP_HEAD, 1);
  lines.push(line.length > 8192 ? line.slice(0, 8192) + '…' : line);
}

export function newPackage(importPath: string | undefined): GoPackage {
  return { importPath, tests: new Map(), done: [], output: [], buildOutput: [], buildFailed: false };
}

export function testOf(pkg: GoPackage, name: string): GoTest {
  let t = pkg.tests.get(name);
  if (!t) {
    t = { name, output: [] };
    pkg.tests.set(name, t);
  }
  return t;
}

/** A test starts again after it finished (-count=N, or a rerun): keep the finished run as its own result. */
export function restartTest(pkg: GoPackage, name: string): void {
  const t = pkg.tests.get(name);
  if (t?.status) {
    pkg.done.push(t);
    pkg.tests.delete(name);
  }
  testOf(pkg, name);
}
