import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { materialize } from '../../eval/heal/_harness/materialize.js';
import { loadScenarios, type Scenario } from '../../eval/heal/_harness/scenario.js';
import { configSchema } from '../../src/config/schema.js';
import { GIT_ENV, makeRepo } from '../../src/heal/testing/temp-repo.js';
import { openStore } from '../../src/store/index.js';
import { startFakeModelServer, type FakeModelServer } from '../fakes/model-server.js';
import { solutionAnswer, solutionFiles } from '../fakes/solution-answer.js';
import { runCli } from './run-cli.js';

// `suture heal --provider anthropic|openai|agent` end to end on eval scenarios that need reasoning
// (no deterministic fixer heals them), with the fake vendor server or the scripted agent returning the
// scenario's reference fix. This proves the plumbing: prompt -> answer -> patch -> verification.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const AGENT = path.join(ROOT, 'test', 'fakes', 'scripted-agent.mjs');
const KEYS = { FAKE_ANTHROPIC_KEY: 'fake-anthropic-e2e-key-1', FAKE_OPENAI_KEY: 'fake-openai-e2e-key-2' };

let server: FakeModelServer;
const cleanup: string[] = [];
beforeAll(async () => {
  server = await startFakeModelServer();
});
afterAll(async () => {
  await server.close();
  for (const d of cleanup) await rm(d, { recursive: true, force: true });
});

async function scenario(name: string): Promise<{ s: Scenario; root: string }> {
  const [s] = await loadScenarios(path.join(ROOT, 'eval', 'heal'), [name]);
  const root = await materialize(s!, ROOT);
  cleanup.push(root);
  await writeFile(
    path.join(root, 'suture.yml'),
    [
      'llm:',
      '  prices: { "claude-sonnet-5-5": { input: 3, output: 15 } }   # test data, not a vendor price',
      '  providers:',
      `    anthropic: { base_url: "${server.url}", api_key_env: FAKE_ANTHROPIC_KEY, max_retries: 1 }`,
      `    openai: { base_url: "${server.url}/v1", api_key_env: FAKE_OPENAI_KEY, max_retries: 1 }`,
      '',
    ].join('\n'),
  );
  return { s: s!, root };
}

interface HealJson {
  clusters: { resolution: string; fixer?: string; applied: boolean; patch?: { file: string }; attempts: { fixer: string; outcome: string }[] }[];
}

/** Applies the verified patch (unless --apply already did) and runs the scenario's hidden check. */
function hiddenPasses(s: Scenario, root: string, c: HealJson['clusters'][number]): boolean {
  if (!c.applied) {
    const a = spawnSync('git', ['apply', path.join('.suture', c.patch!.file)], { cwd: root, encoding: 'utf8' });
    if (a.status !== 0) throw new Error(`git apply failed: ${a.stderr}`);
  }
  const r = spawnSync('sh', ['-c', s.hidden], { cwd: root, env: { ...process.env, HIDDEN: path.join(s.dir, 'hidden'), NO_COLOR: '1' }, encoding: 'utf8', timeout: 120_000 });
  return r.status === 0;
}

function healed(r: { code: number | null; stdout: string; stderr: string }, fixer: string): HealJson['clusters'][number] {
  if (r.code !== 0 && r.code !== 1) throw new Error(`heal failed (${r.code}): ${r.stderr.slice(-2000)}`);
  const json = JSON.parse(r.stdout) as HealJson;
  expect(json.clusters).toHaveLength(1);
  const c = json.clusters[0]!;
  expect(['healed', 'proposed']).toContain(c.resolution);
  expect(c.fixer).toBe(fixer);
  return c;
}

describe('suture heal --provider (CLI, eval scenarios that need reasoning)', () => {
  it('anthropic: the fake Messages server returns the fix, suture verifies it, the hidden check passes', async () => {
    const { s, root } = await scenario('ts-reasoning-discount');
    const answer = await solutionAnswer(s.dir);
    const broken = (await solutionFiles(s.dir))[0]!.broken;
    // The reply depends on the prompt: only a prompt that shows the code under test gets the fix.
    server.script((req) => (JSON.stringify(req.json).includes(JSON.stringify(broken).slice(1, 60)) ? { reply: answer, usage: { input: 3000, output: 250 } } : { reply: 'UNFIXABLE: the prompt did not show src/pricing.ts' }));
    const r = await runCli(['heal', root, '--provider', 'anthropic', '--json'], { env: { ...GIT_ENV, ...KEYS }, timeoutMs: 170_000 });
    const c = healed(r, 'llm');
    expect(c.attempts.find((a) => a.fixer === 'llm')!.outcome).toBe('healed');
    // The call was recorded in the run's store with its usage and price.
    const store = await openStore({ root, config: configSchema.parse({}), env: {} });
    try {
      expect(await store.spend('2000-01-01T00:00:00.000Z')).toEqual({ calls: 1, inputTokens: 3000, outputTokens: 250, usd: (3000 * 3 + 250 * 15) / 1e6 });
    } finally {
      await store.close();
    }
    expect(server.requests.at(-1)!.path).toBe('/v1/messages');
    expect(hiddenPasses(s, root, c)).toBe(true);
  }, 180_000);

  it('openai: an OpenAI-compatible server heals a Python scenario', async () => {
    const { s, root } = await scenario('py-reasoning-median');
    server.script({ reply: await solutionAnswer(s.dir) });
    const before = server.requests.length;
    const r = await runCli(['heal', root, '--provider', 'openai', '--json'], { env: { ...GIT_ENV, FAKE_OPENAI_KEY: KEYS.FAKE_OPENAI_KEY }, timeoutMs: 170_000 });
    const c = healed(r, 'llm');
    expect(server.requests.slice(before).map((q) => q.path)).toEqual(['/v1/chat/completions']);
    expect(hiddenPasses(s, root, c)).toBe(true);
  }, 180_000);

  it('agent: a coding-agent command edits the worktree and suture verifies its change', async () => {
    const { s, root } = await scenario('js-reasoning-pagination');
    const work = await mkdtemp(path.join(os.tmpdir(), 'suture-agent-e2e-'));
    cleanup.push(work);
    const plan = path.join(work, 'plan.json');
    const edits = (await solutionFiles(s.dir)).map((f) => ({ file: f.file, content: f.fixed }));
    await writeFile(plan, JSON.stringify({ steps: [{ edits, output: 'Fixed the page offset.' }] }));
    const r = await runCli(['heal', root, '--provider', 'agent', '--agent-command', `node ${AGENT} --plan ${plan} --message-file {prompt_file}`, '--json'], {
      env: { ...GIT_ENV },
      timeoutMs: 170_000,
    });
    const c = healed(r, 'agent-command');
    expect(hiddenPasses(s, root, c)).toBe(true);
  }, 180_000);

  it('stops model calls when the budget is spent and says so in the attempt record', async () => {
    const { root } = await scenario('ts-reasoning-discount');
    await writeFile(path.join(root, 'suture.yml'), `llm:\n  budget: { per_run: { calls: 0 } }\n  providers:\n    anthropic: { base_url: "${server.url}", api_key_env: FAKE_ANTHROPIC_KEY }\n`);
    const before = server.requests.length;
    const r = await runCli(['heal', root, '--provider', 'anthropic', '--json'], { env: { ...GIT_ENV, ...KEYS }, timeoutMs: 170_000 });
    expect(r.code).toBe(1);
    const c = (JSON.parse(r.stdout) as HealJson).clusters[0]!;
    expect(c.resolution).toBe('escalated');
    expect(c.attempts).toContainEqual(expect.objectContaining({ fixer: 'llm', outcome: 'budget-exhausted', reason: 'model budget spent: 0/0 calls per run (llm.budget.per_run.calls)' }));
    expect(server.requests.length).toBe(before);
  }, 180_000);

  it('refuses --provider without a key, and agent without a command, with one clear line', async () => {
    // The flags are checked before anything runs: a bare repository is enough.
    const repo = makeRepo({ 'package.json': '{}\n', 'suture.yml': 'llm:\n  providers:\n    anthropic: { api_key_env: FAKE_ANTHROPIC_KEY }\n    openai: { api_key_env: FAKE_OPENAI_KEY }\n' });
    cleanup.push(repo.root);
    const root = repo.root;
    const noKey = await runCli(['heal', root, '--provider', 'anthropic'], { env: { ...GIT_ENV, FAKE_ANTHROPIC_KEY: '', FAKE_OPENAI_KEY: '' } });
    expect(noKey.stderr).toMatch(/\[E_LLM_NO_KEY\] --provider anthropic: no API key in \$FAKE_ANTHROPIC_KEY \(nor for the fallback openai: \$FAKE_OPENAI_KEY\)/);
    expect(noKey.code).toBe(2);
    const noCmd = await runCli(['heal', root, '--provider', 'agent'], { env: GIT_ENV });
    expect(noCmd.stderr).toMatch(/--provider agent needs an agent command/);
    expect(noCmd.code).toBe(2);
    const unknown = await runCli(['heal', root, '--provider', 'gemini'], { env: { ...GIT_ENV, ...KEYS } });
    expect(unknown.stderr).toMatch(/llm provider 'gemini' is not defined/);
    expect(unknown.code).toBe(2);
    for (const r of [noKey, noCmd, unknown]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
