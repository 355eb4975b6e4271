import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Cluster } from '../../events/index.js';
import { pickEnv } from '../../secrets/env.js';
import { redact } from '../../secrets/registry.js';
import { Budget } from '../llm/budget.js';
import { promptFor } from '../llm/prompt/index.js';
import { runState } from '../llm/run-state.js';
import { execShell } from '../shared/exec.js';
import type { Fixer, FixContext, FixResult } from '../types.js';
import { expandCommand } from './command.js';
import { taskYaml } from './task-file.js';

export interface AgentCommandFixerOptions {
  /** Where `llm.agent.pass_env` variables are read from (default process.env). */
  env?: NodeJS.ProcessEnv;
}

const MAX_LOG_LINES = 200;

/**
 * Hands the cluster to an external coding agent (`claude -p`, `aider --message-file`, `codex exec`,
 * any command): the redacted prompt and task YAML are written outside the worktree, the command runs
 * in the worktree with an allowlisted environment, and whatever it changed becomes the candidate patch
 * the loop verifies. Its output (redacted, tail kept) goes to the attempt log.
 */
export function createAgentCommandFixer(opts: AgentCommandFixerOptions = {}): Fixer {
  return {
    id: 'agent-command',
    cost: 'agent',
    appliesTo: (cluster: Cluster) => !cluster.flaky && !cluster.infrastructure,
    async propose(ctx: FixContext): Promise<FixResult> {
      const cfg = ctx.config.llm;
      const agent = cfg.agent;
      if (!agent.command) return { kind: 'pass', reason: 'no agent command configured (llm.agent.command)' };
      const log = (line: string) => ctx.log(redact(line));
      const budget = new Budget(cfg, runState(ctx.runId).spend, { ...(ctx.store ? { store: ctx.store } : {}), repo: ctx.repo, runId: ctx.runId, log });
      const refusal = await budget.refusal(0);
      if (refusal) return { kind: 'budget-exhausted', reason: refusal };

      const prompt = await promptFor(ctx, 'agent', cfg.max_prompt_chars);
      const text = `${prompt.system}\n\n${prompt.user}\n`;
      const dir = await mkdtemp(path.join(os.tmpdir(), 'suture-agent-'));
      const name = commandName(agent.command);
      let r;
      try {
        const promptFile = path.join(dir, 'prompt.md');
        const taskFile = path.join(dir, 'task.yaml');
        await writeFile(promptFile, text);
        await writeFile(taskFile, redact(taskYaml(ctx)));
        const command = expandCommand(agent.command, { prompt_file: promptFile, task_file: taskFile, worktree: ctx.worktree, prompt: text });
        log(`running ${name} (timeout ${agent.timeout_seconds}s): ${agent.command}`);
        r = await execShell(command, {
          cwd: ctx.worktree,
          timeoutMs: agent.timeout_seconds * 1000,
          signal: ctx.signal,
          env: { ...pickEnv(agent.pass_env, opts.env ?? process.env), SUTURE_PROMPT_FILE: promptFile, SUTURE_TASK_FILE: taskFile, SUTURE_WORKTREE: ctx.worktree },
          input: text,
        });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      ctx.signal.throwIfAborted();
      // The agent spends on its own account: suture counts the run as a call, with no tokens or dollars it could see.
      await budget.charge({ provider: 'agent', model: name, usage: { inputTokens: 0, outputTokens: 0 }, usd: 0, fingerprint: ctx.cluster.fingerprint });

      const output = redact([r.stdout, r.stderr].filter((s) => s.trim() !== '').join('\n'));
      const tail = output.length > agent.max_output_chars ? `… ${output.slice(-agent.max_output_chars)}` : output;
      const lines = tail.split('\n');
      for (const line of lines.slice(-MAX_LOG_LINES)) log(`agent: ${line}`);
      if (r.timedOut) throw new Error(`the agent command timed out after ${agent.timeout_seconds}s (llm.agent.timeout_seconds)`);
      const unfixable = [...output.matchAll(/^\s*\**UNFIXABLE\**:\s*(.+)$/gm)].pop();
      if (unfixable) return { kind: 'unfixable', reason: `the agent says: ${unfixable[1]!.trim()}`, costUsd: 0 };
      const last = lines.map((l) => l.trim()).filter(Boolean).pop()?.slice(0, 240) ?? '(no output)';
      const status = r.code === 0 ? '' : ` (exited with code ${r.code ?? 'signal'}; its changes are verified all the same)`;
      return { kind: 'edited', summary: redact(`${name}${status}: ${last}`), costUsd: 0 };
    },
  };
}

/** `claude -p ...` -> claude; `ENV=1 npx aider ...` -> aider. */
export function commandName(template: string): string {
  const words = template.trim().split(/\s+/).filter((w) => !/^\w+=/.test(w) && w !== 'npx' && w !== 'exec');
  return path.basename(words[0] ?? 'agent');
}
