import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { configSchema, type SutureConfigInput } from '../config/schema.js';
import type { Fixer, FixContext } from '../fixers/types.js';
import { judge } from '../guard/index.js';
import { createReporters } from '../report/index.js';
import { PassThrough } from 'node:stream';
import { openRunStore, openStore } from '../store/index.js';
import { healExitCode } from './exit-code.js';
import { heal } from './loop.js';
import { makeRepo, type TempRepo } from './testing/temp-repo.js';
import { rerunScripts, runScripts, scriptPlan, scriptTriage } from './testing/script-runner.js';
import type { HealDeps, HealOptions } from './types.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

const ASSERT = "import assert from 'node:assert';\n";
function brokenRepo(extra: Record<string, string> = {}): TempRepo {
  const repo = makeRepo(
    {
      'src/math.mjs': 'export function add(a, b) {\n  return a - b;\n}\nexport function mul(a, b) {\n  return a * b;\n}\n',
      'tests/add.mjs': `${ASSERT}import { test } from 'node:test';\nimport { add } from '../src/math.mjs';\ntest('adds', () => assert.strictEqual(add(2, 3), 5));\n`,
      'tests/mul.mjs': `${ASSERT}import { mul } from '../src/math.mjs';\nassert.strictEqual(mul(2, 3), 6);\n`,
      ...extra,
    },
    { gitignore: '.suture/\n' },
  );
  repos.push(repo);
  return repo;
}

/** Test fixer: rewrites one file of the worktree with a function of its text. */
function editFixer(id: string, file: string, edit: (text: string) => string, calls: FixContext[] = []): Fixer {
  return {
    id,
    cost: 'free',
    appliesTo: () => true,
    async propose(ctx) {
      calls.push(ctx);
      const abs = path.join(ctx.worktree, file);
      writeFileSync(abs, edit(readFileSync(abs, 'utf8')));
      return { kind: 'edited', summary: `${id} edited ${file}` };
    },
  };
}

const fixAdd = (calls?: FixContext[]) => editFixer('test-fixer:plus', 'src/math.mjs', (t) => t.replace('a - b', 'a + b'), calls);

function deps(fixers: Fixer[], over: Partial<HealDeps> = {}, confidence: Record<string, number> = {}): HealDeps {
  return {
    detectPlan: async (root) => scriptPlan(root),
    runPlan: async (plan, o) => runScripts(plan, o),
    rerunTests: async (plan, tests, o) => rerunScripts(plan, tests, o),
    triage: scriptTriage(confidence),
    judge: (patch, o) => judge({ patch }, o),
    fixers,
    ...over,
  };
}

function options(repo: TempRepo, over: Partial<HealOptions> = {}, config: SutureConfigInput = {}): HealOptions {
  const cfg = configSchema.parse(config);
  const out = new PassThrough();
  out.resume();
  const reporters = createReporters([...cfg.heal.reporters, 'terminal'], { root: repo.root, outDir: path.join(repo.root, cfg.heal.output_dir), stdout: out, stderr: out, color: false });
  return { root: repo.root, config: cfg, reporters, ...over };
}

describe('heal loop', () => {
  it('heals a real breakage in the sandbox, writes the outputs, and leaves the user tree alone without --apply', async () => {
    const repo = brokenRepo();
    const before = repo.fingerprint(['.suture']);
    const calls: FixContext[] = [];
    const r = await heal(options(repo), deps([fixAdd(calls)]));

    expect(r.baseline.failures).toBe(1);
    expect(r.clusters).toHaveLength(1);
    const c = r.clusters[0]!;
    expect(c.resolution).toBe('healed');
    expect(c.fixer).toBe('test-fixer:plus');
    expect(c.attempts.map((a) => a.outcome)).toEqual(['healed']);
    expect(c.attempts[0]!.testsRun).toBe(3); // 1 targeted + 2 in the full suite
    expect(c.patch!.diff).toContain('+  return a + b;');
    expect(c.verdict!.decision).toBe('pass');
    expect(calls[0]!.worktree.startsWith(repo.root)).toBe(false);
    expect(healExitCode(r)).toBe(0);

    expect(repo.fingerprint(['.suture'])).toEqual(before);
    expect(repo.read('src/math.mjs')).toContain('a - b');
    const proposal = JSON.parse(repo.read('.suture/fix-proposal.json'));
    expect(proposal.clusters[0]).toMatchObject({ resolution: 'healed', fixer: 'test-fixer:plus', patch: { file: `patches/${c.id}.patch` } });
    expect(repo.read(`.suture/patches/${c.id}.patch`)).toBe(c.patch!.diff);
    expect(repo.read('.suture/heal-report.md')).toContain('1 healed');
    // the healed patch applies to the user's tree as is
    repo.git('apply', '--check', '.suture/patches/healed.patch');
  });

  it('--commit applies and commits the fix with a Suture-Fix trailer', async () => {
    const repo = brokenRepo();
    const r = await heal(options(repo, { apply: true, commit: true }), deps([fixAdd()]));
    const c = r.clusters[0]!;
    expect(c).toMatchObject({ resolution: 'healed', applied: true });
    expect(repo.read('src/math.mjs')).toContain('a + b');
    const msg = repo.git('log', '-1', '--format=%B');
    expect(msg).toContain(`Suture-Fix: ${c.cluster.fingerprint}`);
    expect(msg).toMatch(/^fix: heal assertion failure/);
    expect(repo.git('log', '-1', '--format=%H').trim()).toBe(c.commit);
    expect(repo.git('status', '--porcelain', '--untracked-files=no')).toBe('');
  });

  it('rejects a patch that makes other tests fail, and passes what it learned to the next fixer', async () => {
    const repo = brokenRepo();
    const breaksMul = editFixer('test-fixer:breaks-mul', 'src/math.mjs', (t) => t.replace('a - b', 'a + b').replace('a * b', 'a + b'));
    const calls: FixContext[] = [];
    const r = await heal(options(repo), deps([breaksMul, fixAdd(calls)]));
    const c = r.clusters[0]!;
    expect(c.attempts.map((a) => [a.fixer, a.outcome])).toEqual([
      ['test-fixer:breaks-mul', 'regressed'],
      ['test-fixer:plus', 'healed'],
    ]);
    expect(c.attempts[0]!.reason).toContain('tests/mul.mjs');
    expect(calls[0]!.previousAttempts.map((a) => a.outcome)).toEqual(['regressed']);
    expect(c.resolution).toBe('healed');
  });

  it('rejects a patch that deletes the failing test by the test count, even without a guard', async () => {
    const repo = brokenRepo();
    const deleter: Fixer = {
      id: 'test-fixer:delete-test',
      cost: 'free',
      appliesTo: () => true,
      async propose(ctx) {
        rmSync(path.join(ctx.worktree, 'tests/add.mjs'));
        return { kind: 'edited', summary: 'removed the failing test' };
      },
    };
    const d = deps([deleter]);
    delete d.judge;
    const r = await heal(options(repo), d);
    const c = r.clusters[0]!;
    expect(c.attempts.map((a) => a.outcome)).toEqual(['fewer-tests']);
    expect(c.resolution).toBe('escalated');
    expect(healExitCode(r)).toBe(1);
    const task = parseYaml(repo.read(`.suture/tasks/fix-${c.id}.yaml`));
    expect(task.tried_by_suture[0]).toContain('fewer-tests');
    expect(task.failures[0].test).toBe('tests/add.mjs');
    expect(task.acceptance_criteria.length).toBeGreaterThan(1);
  });

  it('reports flaky clusters without handing them to any fixer', async () => {
    const scratch = makeRepo({}, { commit: false });
    repos.push(scratch);
    const counter = path.join(scratch.root, 'count');
    const repo = brokenRepo({
      'tests/flaky.mjs': `import fs from 'node:fs';\nconst f = ${JSON.stringify(counter)};\nconst n = fs.existsSync(f) ? Number(fs.readFileSync(f, 'utf8')) : 0;\nfs.writeFileSync(f, String(n + 1));\nif (n % 2 === 0) throw new Error('flaked');\n`,
    });
    const calls: FixContext[] = [];
    const r = await heal(options(repo), deps([fixAdd(calls)]));
    const flaky = r.clusters.find((c) => c.cluster.testIds.includes('tests/flaky.mjs'))!;
    expect(flaky.resolution).toBe('flaky');
    expect(flaky.attempts).toEqual([]);
    expect(calls.every((c) => c.cluster.testIds[0] !== 'tests/flaky.mjs')).toBe(true);
    expect(r.clusters.find((c) => c.cluster.testIds.includes('tests/add.mjs'))!.resolution).toBe('healed');
    expect(healExitCode(r)).toBe(0);
  });

  it('proposes instead of applying when triage is not confident enough', async () => {
    const repo = brokenRepo();
    const r = await heal(options(repo, { apply: true }), deps([fixAdd()], {}, { 'tests/add.mjs': 0.6 }));
    const c = r.clusters[0]!;
    expect(c.resolution).toBe('proposed');
    expect(c.reason).toContain('confidence 0.60');
    expect(c.applied).toBeFalsy();
    expect(repo.read('src/math.mjs')).toContain('a - b');
    expect(healExitCode(r)).toBe(1);
  });

  it('escalates an unfixable cluster with the fixer reason and a task file', async () => {
    const repo = brokenRepo();
    const refuses: Fixer = { id: 'test-fixer:refuses', cost: 'free', appliesTo: () => true, propose: async () => ({ kind: 'unfixable', reason: 'needs a product decision' }) };
    const r = await heal(options(repo), deps([refuses]));
    expect(r.clusters[0]).toMatchObject({ resolution: 'escalated' });
    expect(r.clusters[0]!.reason).toContain('needs a product decision');
    expect(existsSync(path.join(repo.root, `.suture/tasks/fix-${r.clusters[0]!.id}.yaml`))).toBe(true);
  });

  it('--dry-run changes nothing anywhere', async () => {
    const repo = brokenRepo();
    const before = repo.fingerprint();
    const r = await heal(options(repo, { dryRun: true }), deps([fixAdd()]));
    expect(r.clusters[0]!.resolution).toBe('healed');
    expect(r.outputs).toEqual([]);
    expect(repo.fingerprint()).toEqual(before);
    expect(existsSync(path.join(repo.root, '.suture'))).toBe(false);
    expect(repo.git('for-each-ref', 'refs/suture/')).toBe('');
    expect(repo.git('worktree', 'list').trim().split('\n')).toHaveLength(1);
  });

  it('does not apply when the user changed files during the run', async () => {
    const repo = brokenRepo();
    const meddler = editFixer('test-fixer:plus', 'src/math.mjs', (t) => {
      writeFileSync(path.join(repo.root, 'tests/mul.mjs'), readFileSync(path.join(repo.root, 'tests/mul.mjs'), 'utf8') + '// edited meanwhile\n');
      return t.replace('a - b', 'a + b');
    });
    const r = await heal(options(repo, { apply: true }), deps([meddler]));
    expect(r.clusters[0]!.resolution).toBe('proposed');
    expect(r.applyNote).toContain('changed');
    expect(repo.read('src/math.mjs')).toContain('a - b');
  });

  it('records the run, every attempt, the outcome and a playbook entry in the store', async () => {
    const repo = brokenRepo();
    const storeConfig = { store: { adapter: 'sqlite' as const } };
    const d = deps([editFixer('test-fixer:breaks-mul', 'src/math.mjs', (t) => t.replace('a - b', 'a + b').replace('a * b', 'a + b')), fixAdd()], {
      openStore: (root, config, warn) => openRunStore({ root, config }, (e) => warn(e.message)),
    });
    const r = await heal(options(repo, {}, storeConfig), d);
    const c = r.clusters[0]!;
    expect(c.resolution).toBe('healed');
    const store = await openStore({ root: repo.root, config: configSchema.parse(storeConfig) });
    try {
      expect((await store.findPlaybooks(r.repo, c.cluster.fingerprint)).map((p) => [p.fixer, p.patchHash])).toEqual([['test-fixer:plus', c.patch!.hash]]);
      expect((await store.recentAttempts(r.repo, 10)).map((a) => a.outcome).sort()).toEqual(['healed', 'regressed']);
    } finally {
      await store.close();
    }
  });

  it('continues with a warning when the store fails, still writes the reports, and exits with the store code', async () => {
    const repo = brokenRepo();
    const warnings: string[] = [];
    const d = deps([fixAdd()], { openStore: (root, config, warn) => openRunStore({ root, config }, (e) => { warnings.push(e.message); warn(e.message); }) });
    // The SQLite file would live under a regular file: it cannot be opened.
    const r = await heal(options(repo, {}, { store: { adapter: 'sqlite', path: 'tests/add.mjs/suture.db' } }), d);
    expect(warnings).toHaveLength(1);
    expect(r.clusters[0]!.resolution).toBe('healed');
    expect(existsSync(path.join(repo.root, '.suture/fix-proposal.json'))).toBe(true);
    expect(r.storeFailure).toBeDefined();
    expect(healExitCode(r)).toBe(4);
  });

  it('never lands a patch the guard refuses (a test made to exit early)', async () => {
    const repo = brokenRepo();
    const cheat = editFixer('test-fixer:exit-early', 'tests/add.mjs', (t) => `process.exit(0);\n${t}`);
    // These node scripts are tests by this project's convention: say so, as a project would in suture.yml.
    const r = await heal(options(repo, { apply: true }, { guard: { test_globs: ['tests/*.mjs'] } }), deps([cheat]));
    const c = r.clusters[0]!;
    expect(c.attempts.map((a) => a.outcome)).toEqual(['blocked']);
    expect(c.attempts[0]!.reason).toMatch(/guard blocked/);
    expect(c.resolution).toBe('escalated');
    expect(repo.read('tests/add.mjs')).not.toContain('process.exit');
  });
});
