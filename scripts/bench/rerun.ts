/**
 * `npm run bench:rerun`: on generated suites of a few hundred tests with 3 failing (vitest, pytest),
 * compares the wall time of suture's full run with its targeted re-run of the 3 failures, and measures
 * suture's own overhead (detect + parse + write) against the bare test command.
 *
 * Each test takes TEST_MS milliseconds (a timer, as an I/O-bound test would; default 20) and then
 * asserts: a suite of empty tests would only measure process start-up, and timers keep the shared
 * machine free for others. Medians of REPEAT runs; everything runs in a temp dir.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configSchema } from '../../src/config/schema.js';
import { childEnv } from '../../src/secrets/env.js';
import { detectPlan, rerunTests, runPlan, writeOutcome } from '../../src/runners/index.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const FILES = 20;
const PER_FILE = 15;
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const FAILING = new Set(['3:7', '11:2', '17:12']);
const TEST_MS = Number(process.env.BENCH_TEST_MS ?? 20);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => (ms / 1000).toFixed(2);

function vitestProject(dir: string): string[] {
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'bench-vitest', private: true, type: 'module', scripts: { test: 'vitest run' } }));
  symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'));
  mkdirSync(path.join(dir, 'test'));
  writeFileSync(
    path.join(dir, 'test', 'work.js'),
    `import { setTimeout } from 'node:timers/promises';\nexport async function work() {\n  await setTimeout(${TEST_MS});\n  return 64;\n}\n`,
  );
  for (let f = 0; f < FILES; f++) {
    const tests = Array.from({ length: PER_FILE }, (_, t) => {
      const bad = FAILING.has(`${f}:${t}`);
      return `  it('case ${t}', async () => {\n    expect(await work()).toBe(${bad ? 63 : 64});\n  });`;
    }).join('\n');
    writeFileSync(path.join(dir, 'test', `suite${f}.test.js`), `import { describe, expect, it } from 'vitest';\nimport { work } from './work.js';\n\ndescribe('suite ${f}', () => {\n${tests}\n});\n`);
  }
  return [path.join(dir, 'node_modules/.bin/vitest'), 'run'];
}

function pytestProject(dir: string): string[] {
  writeFileSync(path.join(dir, 'pytest.ini'), '[pytest]\ntestpaths = tests\n');
  mkdirSync(path.join(dir, 'tests'));
  writeFileSync(path.join(dir, 'tests', 'conftest.py'), `import time\nimport pytest\n\n\n@pytest.fixture\ndef work():\n    def run():\n        time.sleep(${TEST_MS / 1000})\n        return 64\n    return run\n`);
  for (let f = 0; f < FILES; f++) {
    const tests = Array.from({ length: PER_FILE }, (_, t) => `def test_case_${t}(work):\n    assert work() == ${FAILING.has(`${f}:${t}`) ? 63 : 64}\n`).join('\n\n');
    writeFileSync(path.join(dir, 'tests', `test_suite${f}.py`), `${tests}`);
  }
  return ['python3', '-m', 'pytest', '-q', '-p', 'no:cacheprovider'];
}

interface Row {
  suite: string;
  tests: number;
  full: number;
  targeted: number;
  bare: number;
  suture: number;
  commandInSuture: number;
}

async function bench(name: string, make: (dir: string) => string[]): Promise<Row> {
  const dir = mkdtempSync(path.join(tmpdir(), `suture-bench-${name}-`));
  try {
    const bareArgv = make(dir);
    const config = configSchema.parse({});
    const fulls: number[] = [];
    const targeted: number[] = [];
    const bares: number[] = [];
    const sutures: number[] = [];
    const commands: number[] = [];
    let tests = 0;
    for (let i = 0; i < REPEAT; i++) {
      // The bare command, as a developer runs it: the baseline suture's overhead is measured against.
      let t0 = performance.now();
      spawnSync(bareArgv[0]!, bareArgv.slice(1), { cwd: dir, env: childEnv({ CI: 'true', PYTHONDONTWRITEBYTECODE: '1' }), stdio: 'ignore' });
      bares.push(performance.now() - t0);

      // suture: detect + run (reporters injected) + parse + write events; no flaky re-runs here.
      t0 = performance.now();
      const plan = await detectPlan(dir, config);
      const outDir = path.join(dir, `out-${i}`);
      const outcome = await runPlan({ ...plan, packages: plan.packages.map((p) => ({ ...p, checks: [] })) }, { runId: `bench-${i}`, outDir, flakyReruns: 0 });
      writeOutcome(outcome, outDir);
      const total = performance.now() - t0;
      sutures.push(total);
      fulls.push(total);
      commands.push(outcome.commands.reduce((s, c) => s + c.durationMs, 0));
      tests = outcome.results.filter((r) => r.kind === 'test').length;
      const failing = outcome.results.filter((r) => r.status === 'failed');
      if (failing.length !== FAILING.size) throw new Error(`${name}: expected ${FAILING.size} failures, got ${failing.length}`);

      // The targeted re-run of exactly the failures, through the runner's own filter.
      t0 = performance.now();
      const again = await rerunTests(plan, failing, { runId: `bench-re-${i}`, outDir: path.join(dir, `re-${i}`) });
      targeted.push(performance.now() - t0);
      if (again.results.filter((r) => r.status === 'failed').length !== FAILING.size) throw new Error(`${name}: the re-run lost a failure`);
    }
    return { suite: name, tests, full: median(fulls), targeted: median(targeted), bare: median(bares), suture: median(sutures), commandInSuture: median(commands) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const wanted = (process.env.BENCH_SUITES ?? 'vitest,pytest').split(',');
const rows: Row[] = [];
if (wanted.includes('vitest')) rows.push(await bench('vitest', vitestProject));
if (wanted.includes('pytest')) rows.push(await bench('pytest', pytestProject));
const header = '| suite | tests | full run (s) | targeted re-run of 3 (s) | speed-up | test command inside the run (s) | detect + parse + write (s) | overhead | bare command, no reporters (s) |';
console.log(`\nsuture bench:rerun: ${FILES * PER_FILE} tests per suite (${FILES} files), 3 failing, each test ${TEST_MS} ms; medians of ${REPEAT} runs\n`);
console.log(header);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const own = r.suture - r.commandInSuture;
  console.log(
    `| ${r.suite} | ${r.tests} | ${seconds(r.full)} | ${seconds(r.targeted)} | ${(r.full / r.targeted).toFixed(1)}x | ${seconds(r.commandInSuture)} | ${seconds(own)} | ${((own / r.commandInSuture) * 100).toFixed(1)}% | ${seconds(r.bare)} |`,
  );
}
console.log('\nspeed-up = full run / targeted re-run (target >= 5x). overhead = suture\'s own time (detect, spawn, parse the report, write events) / the test command\'s time (target < 10%).');
console.log('The bare command (same tool, no injected reporters, run outside suture) is shown for reference; on a loaded machine it varies by more than the overhead.');
