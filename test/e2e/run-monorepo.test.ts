import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { detectPlan, runPlan } from '../../src/runners/index.js';
import { copyFixture, defaults, sh } from './run-fixtures.js';

// terraform is on this machine image but in no package repository CI can reach: where it is missing, the
// infra package must give one clear tool-missing event instead (asserted below), never a crash.
const hasTerraform = spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;

describe('suture run on a monorepo (npm workspaces, Go module, Python project, cargo workspace, terraform)', { timeout: 180_000 }, () => {
  it('runs every package, stamps events with their package and gives repro commands that work from the root', async () => {
    const fx = copyFixture('monorepo');
    try {
      const plan = await detectPlan(fx.root, defaults());
      const outcome = await runPlan(plan, { runId: 'mono', outDir: fx.outDir, env: fx.env, flakyReruns: 0 });
      const ran = outcome.commands.filter((c) => !c.id.includes('#rerun')).map((c) => `${c.package}:${c.id}:${c.exitCode}`);
      expect(ran).toEqual([
        'crates/core:cargo-check:0',
        'crates/core:cargo:0',
        hasTerraform ? 'infra:terraform:0' : 'infra:terraform:null',
        'packages/api:jest:1',
        'packages/web:vitest:0',
        'packages/web:tsc:0',
        'services/pricing:go-build:0',
        'services/pricing:go:0',
        'services/pricing:go-vet:0',
        'tools/report:compileall:0',
        'tools/report:pytest:1',
      ]);
      const missing = outcome.events.filter((e) => e.package === 'infra');
      if (hasTerraform) expect(missing).toEqual([]);
      else expect(missing.map((e) => [e.kind, e.error_class, e.message.split('\n')[0]])).toEqual([['build', 'ToolNotFound', expect.stringMatching(/^terraform not found for infra/)]]);
      expect(outcome.events.filter((e) => e.package !== 'infra').map((e) => [e.package, e.test_id, e.status, e.file, e.repro_cmd])).toEqual([
        ['packages/api', 'packages/api/test/route.test.js::route > finds about', 'failed', 'packages/api/test/route.test.js', "cd packages/api && ../../node_modules/.bin/jest --runTestsByPath test/route.test.js -t '^route finds about$'"],
        // The ingest stage keeps pytest's own node id (relative to where pytest ran) as the test_id.
        ['tools/report', expect.stringMatching(/^(tools\/report\/)?tests\/test_report.py::test_title_keeps_acronyms$/), 'failed', 'tools/report/tests/test_report.py', 'cd tools/report && python3 -m pytest tests/test_report.py::test_title_keeps_acronyms'],
      ]);
      const passedIn = (pkg: string) => outcome.results.filter((r) => r.package === pkg && r.status === 'passed').length;
      expect([passedIn('crates/core'), passedIn('packages/web'), passedIn('services/pricing'), passedIn('packages/api'), passedIn('tools/report')]).toEqual([1, 1, 1, 1, 1]);
      for (const e of outcome.events.filter((x) => x.package !== 'infra')) {
        const r = sh(e.repro_cmd!, fx.root, fx.env);
        expect(r.code, r.out).not.toBe(0);
        expect(r.out).toMatch(/Tests:\s+1 failed, 1 skipped, 2 total|=+ 1 failed, 1 deselected in|1 failed in/);
      }
    } finally {
      fx.cleanup();
    }
  });
});
