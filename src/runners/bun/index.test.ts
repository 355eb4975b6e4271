import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlannedSuite, TestResult } from '../../events/index.js';
import { PackageInfo } from '../detect/package-info.js';
import { parseReport } from '../report/ingest.js';
import { findTest } from '../run/match.js';
import type { SuiteContext } from '../types.js';
import { bun } from './index.js';

// Real output of bun 1.4.5 on the fixture project (see test/fixtures/projects/captured/README.md).
const captured = (f: string) => fileURLToPath(new URL(`../../../test/fixtures/projects/captured/bun/${f}`, import.meta.url));
const fixture = fileURLToPath(new URL('../../../test/fixtures/projects/bun', import.meta.url));
const ROOT = '/tmp/exp/bun';

async function read(file: string): Promise<TestResult[]> {
  const out: TestResult[] = [];
  for await (const r of parseReport(captured(file), { repoRoot: ROOT })) out.push(r);
  return out;
}

describe('bun runner on captured bun output', () => {
  const detected = bun.detect(new PackageInfo(fixture, '.'));
  if (!detected || detected instanceof Promise) throw new Error('bun not detected synchronously');
  const suite: PlannedSuite = detected;

  it('is detected from the test script', () => {
    expect(suite).toEqual({ runner: 'bun', detectedBy: 'package.json scripts.test runs "bun test"', command: 'bun test', options: { evidence: 'script' } });
  });

  it('builds the targeted command that really re-ran the two failures, and the re-run tells flaky from real', async () => {
    const ctx: SuiteContext = { root: ROOT, pkgDir: '.', pkgAbs: ROOT, suite, reportDir: '/out', flakyReruns: 2 };
    const full = await read('full.junit.xml');
    const failing = full.filter((r) => r.status === 'failed');
    expect(failing.map((r) => [r.suite, r.name, r.file])).toEqual([
      ['calc', 'multiplies', 'test/calc.test.js'],
      ['network', 'retries once', 'test/calc.test.js'],
    ]);
    const inv = bun.targetedRun!(ctx, failing)!;
    // Exactly the arguments of the captured re-run (rerun.log shows it ran 2 tests, 3 filtered out).
    expect(path.basename(inv.argv[0]!)).toBe('bun');
    expect(inv.argv.slice(1)).toEqual(['test', '--reporter=junit', '--reporter-outfile=/out/bun.junit.xml', 'test/calc.test.js', '-t', '(?:^calc multiplies$)|(?:^network retries once$)']);
    const again = await read('rerun.junit.xml');
    expect(findTest(failing[0]!, again)?.status).toBe('failed');
    expect(findTest(failing[1]!, again)?.status).toBe('passed');
    expect(bun.reproCommand!(ctx, failing[0]!)).toMatch(/bun test test\/calc.test.js -t '\^calc multiplies\$'$/);
  });
});
