import type { SutureConfig } from '../../config/schema.js';
import { ConfigError, UsageError } from '../../errors.js';
import { providerOrder } from './providers/index.js';
import { providerKey, resolveProvider } from './providers/resolve.js';

/**
 * `suture heal --provider <name> [--agent-command <cmd>]`: chooses the model-backed fixing for this run,
 * failing early (exit 2) on an unknown provider, a missing API key or `agent` without a command.
 */
export function applyProviderFlags(config: SutureConfig, provider: string | undefined, agentCommand: string | undefined, env: NodeJS.ProcessEnv = process.env): void {
  const llm = config.llm;
  if (agentCommand !== undefined) llm.agent.command = agentCommand;
  if (provider === undefined) return;
  if (provider === 'none') {
    llm.provider = 'none';
    delete llm.agent.command;
    return;
  }
  if (provider === 'agent') {
    if (!llm.agent.command) {
      throw new UsageError('--provider agent needs an agent command', {
        code: 'E_NO_AGENT_COMMAND',
        hint: "Pass --agent-command '<command>' or set llm.agent.command in suture.yml (e.g. 'claude -p --permission-mode acceptEdits').",
      });
    }
    llm.provider = 'agent';
    return;
  }
  llm.provider = provider;
  const order = providerOrder(llm).map((n) => resolveProvider(n, llm));
  if (!order.some((p) => providerKey(p, env))) {
    const p = order[0]!;
    throw new ConfigError(`--provider ${provider}: no API key in $${p.apiKeyEnv}${order.length > 1 ? ` (nor for the fallback ${order.slice(1).map((o) => `${o.name}: $${o.apiKeyEnv}`).join(', ')})` : ''}`, {
      code: 'E_LLM_NO_KEY',
      hint: `Export ${p.apiKeyEnv}=<your key>, or name another variable in llm.providers.${p.name}.api_key_env (suture.yml holds the variable's name, never the key).`,
    });
  }
}
