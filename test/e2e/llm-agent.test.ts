import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAgentCommandFixer } from '../../src/fixers/agent-command/index.js';
import { fixContext, PRICING_BROKEN, pricingEvent, pricingWorktree } from '../fakes/fix-context.js';

const AGENT = fileURLToPath(new URL('../fakes/scripted-agent.mjs', import.meta.url));
const PLANTED_ENV = 'planted-env-secret-Zx81Qw';
const AGENT_KEY = 'agent-own-key-Pq44Rt77';

let worktree: string;
let work: string;
beforeEach(async () => {
  worktree = await pricingWorktree();
  work = await mkdtemp(path.join(os.tmpdir(), 'suture-agent-test-'));
});
afterEach(async () => {
  await rm(worktree, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

async function plan(steps: unknown[]): Promise<string> {
  const file = path.join(work, 'plan.json');
  await writeFile(file, JSON.stringify({ record: path.join(work, 'record'), steps }));
  return file;
}
const recorded = (name: string, n = 1) => readFile(path.join(work, 'record', `call-${n}`, name), 'utf8');

const env = { SERVICE_TOKEN: PLANTED_ENV, AGENT_API_KEY: AGENT_KEY, PATH: process.env.PATH };
const fixer = createAgentCommandFixer({ env });

describe('agent-command fixer (scripted agent executable)', () => {
  it('runs the command in the worktree with the prompt and task YAML, and leaves its edits for the loop', async () => {
    const p = await plan([{ edits: [{ file: 'src/pricing.ts', search: 'Math.max(0, price - voucher)', replace: 'Math.max(0, price * 0.9 - voucher)' }], output: 'Applied the discount before the voucher.' }]);
    const ctx = fixContext({
      worktree,
      llm: { agent: { command: `node ${AGENT} --plan ${p} --message-file {prompt_file} --task {task_file}`, pass_env: ['AGENT_API_KEY'] } },
    });
    const r = await fixer.propose(ctx);
    expect(r).toEqual({ kind: 'edited', summary: 'node: Applied the discount before the voucher.', costUsd: 0 });
    expect(await readFile(path.join(worktree, 'src', 'pricing.ts'), 'utf8')).toContain('price * 0.9 - voucher');
    expect(ctx.lines).toContain('agent: Applied the discount before the voucher.');
    expect(await recorded('cwd.txt')).toBe(worktree);
    const prompt = await recorded('prompt.md');
    expect(prompt).toContain('Edit the files directly in the current directory');
    expect(prompt).toContain("test('member discount, then voucher'");
    expect(await recorded('stdin.txt')).toBe(prompt);
    const task = await recorded('task.yaml');
    expect(task).toMatch(/fingerprint: fp1:pricing[\s\S]*acceptance_criteria:[\s\S]*No test is skipped, deleted or weakened/);
    // The placeholders became the files' paths; the files are gone afterwards (outside the worktree).
    const argv = JSON.parse(await recorded('argv.json')) as string[];
    expect(argv[argv.indexOf('--message-file') + 1]).toMatch(/suture-agent-.*prompt\.md$/);
  });

  it('gives the agent an allowlisted environment: its own key if named, never other secrets', async () => {
    const p = await plan([{ output: 'done' }]);
    // Planted in this process's own environment too: only the allowlist and pass_env reach the child.
    process.env.SERVICE_TOKEN = PLANTED_ENV;
    try {
      await fixer.propose(fixContext({ worktree, llm: { agent: { command: `node ${AGENT} --plan ${p}`, pass_env: ['AGENT_API_KEY'] } } }));
    } finally {
      delete process.env.SERVICE_TOKEN;
    }
    const seen = JSON.parse(await recorded('env.json')) as Record<string, string>;
    expect(seen.AGENT_API_KEY).toBe(AGENT_KEY);
    expect(seen.SERVICE_TOKEN).toBeUndefined();
    expect(Object.values(seen)).not.toContain(PLANTED_ENV);
    expect(seen.SUTURE_PROMPT_FILE).toMatch(/prompt\.md$/);
  });

  it('redacts secrets from the prompt, the task file and the captured output', async () => {
    const secret = 'ghp' + '_' + 'PlantedGithubToken0123456789abcdefghij';
    const p = await plan([{ output: `token was ${secret}` }]);
    const ctx = fixContext({ worktree, events: [pricingEvent(`AssertionError: expected 72 to be 70 (auth ${secret})`)], llm: { agent: { command: `node ${AGENT} --plan ${p}` } } });
    await fixer.propose(ctx);
    for (const f of ['prompt.md', 'task.yaml', 'stdin.txt']) expect(await recorded(f)).not.toContain(secret);
    expect(await recorded('prompt.md')).toContain('[REDACTED:github-token]');
    expect(ctx.lines.join('\n')).not.toContain(secret);
    expect(ctx.lines.join('\n')).toContain('agent: token was [REDACTED:github-token]');
  });

  it('takes UNFIXABLE from the agent\'s output', async () => {
    const p = await plan([{ output: 'Looked at it.\nUNFIXABLE: the expected value contradicts the spec' }]);
    const r = await fixer.propose(fixContext({ worktree, llm: { agent: { command: `node ${AGENT} --plan ${p}` } } }));
    expect(r).toEqual({ kind: 'unfixable', reason: 'the agent says: the expected value contradicts the spec', costUsd: 0 });
  });

  it('kills an agent that runs past its timeout and says so', async () => {
    const p = await plan([{ sleepMs: 20_000 }]);
    const started = Date.now();
    await expect(fixer.propose(fixContext({ worktree, llm: { agent: { command: `node ${AGENT} --plan ${p}`, timeout_seconds: 1 } } }))).rejects.toThrow(
      /the agent command timed out after 1s \(llm.agent.timeout_seconds\)/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('counts each agent run against the call budget', async () => {
    const p = await plan([{ output: 'one' }]);
    const ctx = fixContext({ worktree, llm: { agent: { command: `node ${AGENT} --plan ${p}` }, budget: { per_run: { calls: 1 } } } });
    expect((await fixer.propose(ctx)).kind).toBe('edited');
    expect(await fixer.propose({ ...ctx })).toMatchObject({ kind: 'budget-exhausted', reason: expect.stringMatching(/1\/1 calls per run/) });
    expect(await readFile(path.join(worktree, 'src', 'pricing.ts'), 'utf8')).toBe(PRICING_BROKEN);
  });

  it('does nothing without a command', async () => {
    expect(await fixer.propose(fixContext({ worktree }))).toEqual({ kind: 'pass', reason: 'no agent command configured (llm.agent.command)' });
  });
});
