import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const cov = fileURLToPath(new URL('../fixtures/guard/cov/', import.meta.url));

describe('suture coverage', () => {
  it('lists files under the default 80% threshold and exits 1', async () => {
    const r = await runCli(['coverage', '--report', `${cov}coveragepy-head/coverage.json`, 'shop/price.py']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toBe(`1 of 1 file(s) under 80% line coverage (${cov}coveragepy-head/coverage.json)\n  70.0%       7/10  shop/price.py\n`);
  });

  it('exits 0 when nothing is under the threshold, and prints JSON', async () => {
    const r = await runCli(['coverage', '--report', `${cov}jest-head/lcov.info`, '--threshold', '70', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ threshold: 70, reports: [{ path: `${cov}jest-head/lcov.info`, format: 'lcov' }], files: [] });
    const go = await runCli(['coverage', '--report', `${cov}go-head/coverage.out`, '--json']);
    expect(JSON.parse(go.stdout).files).toEqual([{ path: 'example.com/price/price.go', pct: 20, hit: 3, found: 15 }]);
  });

  it('finds a report at a common path, and says so clearly when there is none', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'suture-cov-'));
    try {
      const r = await runCli(['coverage'], { cwd: empty });
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr.split('\n')[0]).toBe(`suture: error [E_COVERAGE_NONE] no coverage report found in ${empty}`);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    const bad = await runCli(['coverage', '--report', `${cov}jest-head/lcov.info`, '--threshold', 'lots']);
    expect(bad.code, bad.stderr).toBe(2);
  });

  it('gates a patch on coverage through suture guard', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'suture-covgate-'));
    try {
      const diff = 'diff --git a/src/price.js b/src/price.js\n--- a/src/price.js\n+++ b/src/price.js\n@@ -1 +1 @@\n-a\n+b\n';
      const r = await runCli(['guard', '--patch', '-', '--coverage-base', `${cov}jest-base/lcov.info`, '--coverage-head', `${cov}jest-head/lcov.info`], { cwd: dir, input: diff });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toContain('src/price.js  block  [coverage-drop] line coverage of src/price.js dropped 100.0% → 77.8%');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
