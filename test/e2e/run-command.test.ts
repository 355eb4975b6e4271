import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { failureEventSchema } from '../../src/events/index.js';
import { runCli } from './run-cli.js';
import { copyFixture } from './run-fixtures.js';

const readEvents = (out: string) =>
  readFileSync(path.join(out, 'events.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => failureEventSchema.parse(JSON.parse(l)));

describe('suture run', { timeout: 180_000 }, () => {
  it('with no config: finds mocha, separates flaky from real, writes events and exits 1', async () => {
    // The fixture's flaky test counts its attempts in a temp dir named after this copy: no config or env needed.
    const fx = copyFixture('mocha');
    try {
      const out = path.join(fx.root, 'reports');
      const r = await runCli(['run', fx.root, '--out', out], { env: { CI: 'true' }, timeoutMs: 120_000 });
      expect(r.code, r.stderr).toBe(1);
      expect(readEvents(out).map((e) => [e.test_id, e.status, e.repro_cmd])).toEqual([
        ['test/calc.spec.js::calc > multiplies', 'failed', "./node_modules/.bin/mocha --grep '^calc multiplies$'"],
        ['test/calc.spec.js::network > retries once', 'flaky', "./node_modules/.bin/mocha --grep '^network retries once$'"],
      ]);
      // Plain progress lines in CI: one when a command starts, one when it ends.
      expect(r.stderr).toMatch(/▶ \[1\/1\] \. · mocha: mocha\n/);
      expect(r.stderr).toMatch(/✗ \. · mocha [\d.]+s 4 passed, 2 failed\n/);
      expect(r.stderr).toMatch(/mocha re-run 1/);
      expect(r.stdout).toMatch(/6 results: 4 passed, 1 failed, 0 errored, 1 flaky, 0 skipped/);
      expect(r.stdout).toMatch(/FAILED\s+\[test\/mocha\] calc > multiplies\s+test\/calc.spec.js:13/);
      expect(r.stdout).toMatch(/FLAKY\s+\[mocha\] network > retries once\s+failed 1 of 2 runs \(suture-rerun\)/);
      const run = JSON.parse(readFileSync(path.join(out, 'run.json'), 'utf8'));
      expect(run.totals).toEqual({ tests: 6, passed: 4, failed: 1, errored: 0, skipped: 0, flaky: 1 });
      expect(run.commands.map((c: { id: string }) => c.id)).toEqual(['mocha', 'mocha#rerun-1', 'mocha#rerun-2']);
      expect(JSON.parse(readFileSync(run.commands[0].reportPaths[0], 'utf8')).stats).toMatchObject({ tests: 6, failures: 2 });
    } finally {
      fx.cleanup();
    }
  });

  it('--reruns 0 turns flaky detection off; --json prints the outcome', async () => {
    const fx = copyFixture('node-test');
    try {
      const out = path.join(fx.root, 'reports');
      const r = await runCli(['run', fx.root, '--out', out, '--reruns', '0', '--json'], { env: { CI: 'true' }, timeoutMs: 120_000 });
      expect(r.code, r.stderr).toBe(1);
      const json = JSON.parse(r.stdout);
      expect(json.totals).toEqual({ tests: 6, passed: 4, failed: 2, errored: 0, skipped: 0, flaky: 0 });
      expect(json.events.map((e: { status: string }) => e.status)).toEqual(['failed', 'failed']);
      expect(json.eventsPath).toBe(path.join(out, 'events.ndjson'));
      expect(json.results).toBeUndefined();
    } finally {
      fx.cleanup();
    }
  });

  it('runs the checks: build, typecheck and lint failures become events of their kind', async () => {
    const fx = copyFixture('checks');
    try {
      const out = path.join(fx.root, 'reports');
      const r = await runCli(['run', fx.root, '--out', out], { env: { CI: 'true', GOFLAGS: '-mod=mod', GOPROXY: 'off' }, timeoutMs: 120_000 });
      expect(r.code, r.stderr).toBe(1);
      expect(readEvents(out).map((e) => [e.kind, e.framework, e.file, e.line ?? null, e.error_code ?? null, e.repro_cmd])).toEqual([
        ['build', 'node', 'build.mjs', null, 'ERR_MODULE_NOT_FOUND', 'npm run build'],
        ['typecheck', 'tsc', 'src/app.ts', 3, 'TS2322', './node_modules/.bin/tsc --noEmit -p tsconfig.json'],
        ['lint', 'eslint', 'src/format.js', 3, 'no-unused-vars', './node_modules/.bin/eslint src/format.js'],
        ['build', 'go', 'gosvc/main.go', 7, null, 'cd gosvc && go test -json ./...'],
        ['build', 'python', 'py/bad.py', 1, null, 'cd py && python3 -m compileall -q .'],
      ]);
      const noChecks = await runCli(['run', fx.root, '--out', path.join(fx.root, 'r2'), '--no-checks'], { env: { CI: 'true' }, timeoutMs: 120_000 });
      expect(readEvents(path.join(fx.root, 'r2')).map((e) => e.kind)).toEqual(['build']);
      expect(noChecks.stderr).not.toMatch(/tsc|eslint|compileall/);
    } finally {
      fx.cleanup();
    }
  });

  it('--only narrows to one package of a monorepo', async () => {
    const fx = copyFixture('monorepo');
    try {
      const out = path.join(fx.root, 'reports');
      const r = await runCli(['run', fx.root, '--out', out, '--only', 'packages/web', '--json'], { env: { CI: 'true' }, timeoutMs: 120_000 });
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(json.commands.map((c: { package: string; id: string }) => `${c.package}:${c.id}`)).toEqual(['packages/web:vitest', 'packages/web:tsc']);
      expect(json.totals).toMatchObject({ tests: 1, passed: 1 });
      expect(readEvents(out)).toEqual([]);
      const unknown = await runCli(['run', fx.root, '--only', 'packages/nope'], { env: { CI: 'true' } });
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/\[E_UNKNOWN_PACKAGE\] --only packages\/nope matches no package\n.*hint: Packages here: crates\/core \(fixture-core\), infra, packages\/api/);
    } finally {
      fx.cleanup();
    }
  });

  it('exits 4 when the tool of every suite is missing, with a clear message, never a crash', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'suture-run-missing-'));
    try {
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', scripts: { test: 'vitest run' }, devDependencies: { vitest: '*' } }));
      const r = await runCli(['run', dir, '--out', path.join(dir, 'reports')], { env: { CI: 'true', PATH: '/usr/bin:/bin' } });
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/suture: no test suite could run: vitest not found for the root package/);
      const [ev] = readEvents(path.join(dir, 'reports'));
      expect(ev).toMatchObject({ kind: 'build', status: 'errored', error_class: 'ToolNotFound', framework: 'vitest' });
      expect(ev!.message).toMatch(/install it: npm install --save-dev vitest/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 4 when nothing can be detected', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'suture-run-empty-'));
    try {
      const r = await runCli(['run', dir, '--out', path.join(dir, 'reports')]);
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/\[E_NOTHING_TO_RUN\] nothing to run in .*: no test framework or check was detected/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
