/**
 * The repro_cmd of a parsed failure, run for real: it must re-run exactly that test (and see it fail).
 * Each fixture project is copied to a temp dir (with node_modules linked to the repository's) so the
 * runners' caches never land in test/fixtures.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { TestResult } from '../../src/events/index.js';
import { parseReport } from '../../src/ingest/index.js';
import { childEnv } from '../../src/secrets/env.js';
import { fixtureReport } from '../../src/ingest/testing/fixture-report.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REPORTS = path.join(ROOT, 'test/fixtures/reports');
const tmp = mkdtempSync(path.join(tmpdir(), 'suture-repro-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function failure(report: string, project: string, id: string): Promise<TestResult> {
  // The reports hold the paths of the checkout that made them (see each generate.sh); the project's
  // test files are read to place tests the report names no file for (node:test).
  const { file, repoRoot } = fixtureReport(report, project);
  for await (const r of parseReport(file, { repoRoot })) if (r.test_id === id) return r;
  throw new Error(`${id} not in ${report}`);
}

function runIn(project: string, cmd: string): string {
  const dir = path.join(tmp, project.replace(/\//g, '-'));
  cpSync(path.join(REPORTS, project), dir, { recursive: true });
  try {
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  } catch {
    // already linked by an earlier test of the same project
  }
  const r = spawnSync('sh', ['-c', cmd], {
    cwd: dir,
    env: childEnv({ GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local', PYTHONDONTWRITEBYTECODE: '1', NO_COLOR: '1', CI: '1' }),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return `${r.stdout}\n${r.stderr}`;
}

describe('repro_cmd re-runs exactly the failing test', () => {
  it('jest', async () => {
    const f = await failure('jest/report.json', 'jest/project', 'test/calc.test.js::calc > subtracts two numbers');
    const out = runIn('jest/project', f.repro_cmd!);
    expect(out).toMatch(/Tests:\s+1 failed, 4 skipped, 5 total/);
  });

  it('vitest', async () => {
    const f = await failure('vitest/report.json', 'vitest/project', "test/strings.test.js::has a 'quoted' name");
    expect(f.repro_cmd).toBe(`npx vitest run test/strings.test.js -t '^has a '\\''quoted'\\'' name$'`);
    const out = runIn('vitest/project', f.repro_cmd!);
    expect(out).toMatch(/Tests\s+1 failed \| 1 skipped \(2\)/);
  });

  it('mocha', async () => {
    const f = await failure('mocha/report.json', 'mocha/project', 'test/calc.test.js::calc > subtracts two numbers');
    const out = runIn('mocha/project', f.repro_cmd!);
    expect(out).toMatch(/0 passing/);
    expect(out).toMatch(/1 failing/);
  });

  it('node:test', async () => {
    const f = await failure('node-test/report.tap', 'node-test/project', 'test/calc.test.js::calc > subtracts two numbers');
    const out = runIn('node-test/project', f.repro_cmd!);
    expect(out).toMatch(/# pass 0\n# fail 1\n/);
  });

  it('go (a subtest)', async () => {
    const f = await failure('go/report.json', 'go/project', 'example.com/calc/calc::TestDivide/by_zero');
    const out = runIn('go/project', `${f.repro_cmd} -v`);
    expect(out).toContain('--- FAIL: TestDivide/by_zero');
    expect(out).not.toContain('by_one');
    expect(out).not.toContain('TestSubtract');
  });

  it('pytest (a collection error)', async () => {
    const text = (await import('node:fs')).readFileSync(path.join(REPORTS, 'pytest/collection-error.log'), 'utf8');
    const { extractBuildLog } = await import('../../src/ingest/index.js');
    const [f] = extractBuildLog(text, { repoRoot: '/work/main/test/fixtures/reports/pytest/broken-project', tool: 'pytest' });
    const out = runIn('pytest/broken-project', `${f!.repro_cmd} -p no:cacheprovider`);
    expect(out).toContain('ERROR collecting tests/test_broken.py');
    expect(out).toMatch(/1 error in/);
  });
});
