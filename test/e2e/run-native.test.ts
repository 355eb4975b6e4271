import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectPlan, runPlan } from '../../src/runners/index.js';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { checkFramework, copyFixture, defaults, sh } from './run-fixtures.js';

/**
 * terraform and an offline Maven repository are on this machine image but no package manager CI can
 * reach installs them. Where they are missing, the same fixture must give the clear tool-missing /
 * build event instead (asserted below), never a suture crash.
 */
const hasTerraform = spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;
const hasOfflineMaven =
  spawnSync('mvn', ['-v'], { stdio: 'ignore' }).status === 0 &&
  existsSync(path.join(homedir(), '.m2/repository/org/apache/maven/plugins/maven-surefire-plugin'));

describe('suture runs real non-JavaScript test tools', { timeout: 180_000 }, () => {
  it('pytest', () =>
    checkFramework({
      fixture: 'pytest',
      reruns: 1,
      runner: 'pytest',
      failure: {
        test_id: 'tests/test_calc.py::test_multiplies',
        name: 'test_multiplies',
        file: 'tests/test_calc.py',
        line: 15,
        repro_cmd: 'python3 -m pytest tests/test_calc.py::test_multiplies',
      },
      flaky: { test_id: 'tests/test_calc.py::test_retries_once', file: 'tests/test_calc.py', repro_cmd: 'python3 -m pytest tests/test_calc.py::test_retries_once' },
      passing: 'tests/test_calc.py::TestEdge::test_adds_zero[7]',
      reproFailed: /=+ 1 failed in [\d.]+s =+/,
      reproPassed: /=+ 1 passed in [\d.]+s =+/,
    }));

  it('go test', () =>
    checkFramework({
      fixture: 'go',
      runner: 'go',
      failure: {
        test_id: 'example.com/fixture/calc::TestMul',
        suite: 'example.com/fixture/calc',
        name: 'TestMul',
        file: 'calc/calc_test.go',
        line: 25,
        message: 'Mul(3, 4) = 13, want 12',
        repro_cmd: "go test -count=1 -run '^TestMul$' ./calc",
      },
      flaky: { test_id: 'example.com/fixture/calc::TestRetriesOnce', file: 'calc/calc_test.go' },
      passing: 'example.com/fixture/calc::TestEdge/adds_zero',
      // -v makes go print every test it ran: only the one asked for.
      reproSuffix: ' -v',
      reproFailed: /^(?![^]*=== RUN\s+TestAdd)[^]*=== RUN\s+TestMul[^]*--- FAIL: TestMul/,
      reproPassed: /^(?![^]*=== RUN\s+TestAdd)[^]*--- PASS: TestRetriesOnce/,
    }));

  it('cargo test', () =>
    checkFramework({
      fixture: 'cargo',
      reruns: 1,
      rerun: true,
      runner: 'cargo',
      failure: {
        test_id: 'src/lib.rs::tests::multiplies',
        suite: 'lib',
        name: 'tests::multiplies',
        file: 'src/lib.rs',
        line: 30,
        error_class: 'panic',
        // rustc >= 1.73 prints the first form; Debian bookworm's rustc 1.63 (CI's fallback) the second.
        message: expect.stringMatching(/^(assertion `left == right` failed\n  left: 13\n right: 12|assertion failed: `\(left == right\)`\n  left: `13`,\n right: `12`)$/),
        repro_cmd: 'cargo test --lib -- --exact tests::multiplies',
      },
      flaky: { test_id: 'tests/network.rs::retries_once', suite: 'test network', file: 'tests/network.rs', repro_cmd: 'cargo test --test network -- --exact retries_once' },
      passing: 'src/lib.rs::tests::adds',
      reproFailed: /test result: FAILED\. 0 passed; 1 failed; 0 ignored; 0 measured; 3 filtered out/,
      reproPassed: /test result: ok\. 1 passed; 0 failed; 0 ignored; 0 measured; 1 filtered out/,
    }));

  async function mavenWithoutPlugins(): Promise<void> {
    const fx = copyFixture('maven');
    try {
      const plan = await detectPlan(fx.root, defaults());
      const outcome = await runPlan(plan, { runId: 'e2e', outDir: fx.outDir, env: fx.env, noChecks: true, flakyReruns: 0 });
      expect(outcome.events.length).toBeGreaterThan(0);
      expect(outcome.events[0]).toMatchObject({ framework: 'surefire', status: 'errored' });
      expect(['build', 'runtime']).toContain(outcome.events[0]!.kind);
    } finally {
      fx.cleanup();
    }
  }

  it('Maven: Surefire re-runs failures itself and its report carries the flaky evidence (offline plugins missing: a clear event)', async () => {
    if (!hasOfflineMaven) return mavenWithoutPlugins();
    // The fixture's .mvn/maven.config says -o: the build resolves from the local repository only.
    const fx = copyFixture('maven');
    try {
      const plan = await detectPlan(fx.root, defaults());
      expect(plan.packages.map((p) => [p.dir, p.suites.map((s) => s.runner)])).toEqual([['.', ['surefire']]]);
      const outcome = await runPlan(plan, { runId: 'e2e', outDir: fx.outDir, env: fx.env, noChecks: true, flakyReruns: 2 });
      expect(outcome.commands.map((c) => c.id)).toEqual(['surefire']);
      expect(outcome.commands[0]!.reportPaths.map((p) => path.relative(fx.root, p))).toEqual(['target/surefire-reports/TEST-fixture.CalcTest.xml']);
      expect(outcome.events.map((e) => [e.test_id, e.status]).sort()).toEqual([
        ['fixture.CalcTest::multiplies', 'failed'],
        ['fixture.CalcTest::retriesOnce', 'flaky'],
      ]);
      const failure = outcome.events.find((e) => e.status === 'failed')!;
      expect(failure).toMatchObject({
        framework: 'surefire',
        suite: 'fixture.CalcTest',
        name: 'multiplies',
        file: 'src/test/java/fixture/CalcTest.java',
        line: 24,
        message: 'expected: <12> but was: <13>',
        repro_cmd: "mvn -B test '-Dtest=fixture.CalcTest#multiplies' -Dsurefire.failIfNoSpecifiedTests=false",
      });
      expect(failure.flaky).toBeUndefined();
      expect(outcome.events.find((e) => e.status === 'flaky')!.flaky).toMatchObject({ source: 'framework-rerun', failures: 1, passes: 1 });
      const repro = sh(failure.repro_cmd!, fx.root, fx.env);
      expect(repro.code).not.toBe(0);
      expect(repro.out).toMatch(/Tests run: 1, Failures: 1, Errors: 0, Skipped: 0/);
    } finally {
      fx.cleanup();
    }
  });

  async function terraformMissing(): Promise<void> {
    const fx = copyFixture('terraform');
    try {
      const outcome = await runPlan(await detectPlan(fx.root, defaults()), { runId: 'e2e', outDir: fx.outDir, env: fx.env });
      expect(outcome.events).toEqual([expect.objectContaining({ kind: 'build', status: 'errored', error_class: 'ToolNotFound', framework: 'terraform' })]);
      expect(outcome.events[0]!.message).toMatch(/^terraform not found for the root package/);
    } finally {
      fx.cleanup();
    }
  }

  it('terraform validate (terraform absent: a tool-missing build event)', async () => {
    if (!hasTerraform) return terraformMissing();
    const fx = copyFixture('terraform');
    try {
      const plan = await detectPlan(fx.root, defaults());
      expect(plan.packages[0]!.suites).toEqual([{ runner: 'terraform', detectedBy: '2 .tf file(s) (main.tf, outputs.tf)', command: 'terraform validate -json', options: { tool: 'terraform' } }]);
      const outcome = await runPlan(plan, { runId: 'e2e', outDir: fx.outDir, env: fx.env });
      expect(outcome.events).toEqual([
        expect.objectContaining({
          kind: 'build',
          framework: 'terraform',
          status: 'failed',
          test_id: 'terraform:main.tf:Reference to undeclared input variable',
          file: 'main.tf',
          line: 12,
          column: 28,
          suggestion: 'region',
          repro_cmd: 'terraform validate',
        }),
        expect.objectContaining({ test_id: 'terraform:outputs.tf:Reference to undeclared local value', file: 'outputs.tf', line: 2 }),
      ]);
      // Validation is deterministic: no re-runs.
      expect(outcome.commands).toHaveLength(1);
      const repro = sh('terraform validate -no-color', fx.root, fx.env);
      expect(repro.code).toBe(1);
      expect(repro.out).toMatch(/Error: Reference to undeclared input variable[^]*on main.tf line 12/);
    } finally {
      fx.cleanup();
    }
  });
});

