import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import pc from 'picocolors';
import { loadConfig } from '../config/load.js';
import { ExitCode, SutureError, UsageError } from '../errors.js';
import { defaultHealDeps, heal, healExitCode } from '../heal/index.js';
import { openRepo } from '../heal/sandbox/index.js';
import { createReporters } from '../report/index.js';
import { applyProviderFlags } from '../fixers/llm/cli.js';
import { loadRepoSecrets } from '../secrets/registry.js';
import type { RegisterCommand } from './types.js';

class InterruptedError extends SutureError {
  override readonly exitCode = ExitCode.INTERRUPTED;
}

interface HealFlags {
  apply?: boolean;
  commit?: boolean;
  dryRun?: boolean;
  json?: boolean;
  maxAttempts?: number;
  fixers?: string;
  provider?: string;
  agentCommand?: string;
  config?: string;
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 20) throw new InvalidArgumentError('expected a whole number from 1 to 20');
  return n;
}

export const registerHeal: RegisterCommand = (program, setExitCode) => {
  program
    .command('heal')
    .description('Run the tests, then fix failures in an isolated worktree and verify each fix by re-running the tests')
    .argument('[path]', 'any directory inside the repository', '.')
    .option('--apply', 'write verified, auto-approved fixes into your working tree')
    .option('--commit', 'apply and commit each verified fix (with a Suture-Fix trailer)')
    .option('--dry-run', 'do everything in the sandbox but change nothing anywhere (no files, no store, no apply)')
    .option('--json', 'print the result as JSON on stdout (progress stays on stderr)')
    .option('--max-attempts <n>', 'candidate patches per cluster (default: heal.max_attempts, 3)', positiveInt)
    .option('--fixers <ids>', 'comma-separated fixer ids to use (default: all, cheapest first)')
    .option('--provider <name>', 'model-backed fixing after the free fixers: anthropic, openai, a name from llm.providers, agent, or none (default: llm.provider)')
    .option('--agent-command <cmd>', 'coding-agent command for the agent-command fixer (placeholders {prompt_file} {task_file} {worktree} {prompt})')
    .option('--config <file>', 'suture.yml to use (default: <repo>/suture.yml)')
    .addHelpText(
      'after',
      '\nExit codes: 0 all green or everything healed; 1 something escalated, proposed or a test command failed;\n2 usage; 4 environment (not a git repository, no tests found, store unavailable); 130 interrupted.',
    )
    .action(async (dir: string, flags: HealFlags) => {
      if (flags.dryRun && (flags.apply || flags.commit)) {
        throw new UsageError('--dry-run cannot be combined with --apply or --commit', { code: 'E_USAGE', hint: 'Drop --dry-run to apply fixes.' });
      }
      const repo = await openRepo(dir);
      const config = await loadConfig(repo.root, flags.config ? path.resolve(flags.config) : undefined);
      if (flags.maxAttempts) config.heal.max_attempts = flags.maxAttempts;
      if (flags.fixers) config.heal.fixers = flags.fixers.split(',').map((s) => s.trim()).filter(Boolean);
      applyProviderFlags(config, flags.provider, flags.agentCommand);
      // Secret values from the repository's dotenv files join the redactor before anything runs.
      await loadRepoSecrets(repo.root, config.secrets);
      const deps = defaultHealDeps();
      const unknown = (config.heal.fixers ?? []).filter((id) => !deps.fixers.some((f) => f.id === id));
      if (unknown.length > 0) {
        throw new UsageError(`unknown fixer(s): ${unknown.join(', ')}`, { code: 'E_UNKNOWN_FIXER', hint: `Known fixers: ${deps.fixers.map((f) => f.id).join(', ') || 'none'}.` });
      }
      const color = !flags.json && pc.isColorSupported;
      const reporters = createReporters([...config.heal.reporters, flags.json ? 'terminal-progress' : 'terminal', ...(flags.json ? ['json'] : [])], {
        root: repo.root,
        outDir: path.resolve(repo.root, config.heal.output_dir),
        stdout: process.stdout,
        stderr: process.stderr,
        color,
      });
      const abort = new AbortController();
      const onSignal = (sig: NodeJS.Signals) => abort.abort(new InterruptedError(`interrupted by ${sig}; your files are unchanged`, { code: 'E_INTERRUPTED' }));
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        const result = await heal({ root: repo.root, config, dryRun: !!flags.dryRun, apply: !!flags.apply, commit: !!flags.commit, reporters, signal: abort.signal }, deps);
        setExitCode(healExitCode(result));
      } catch (err) {
        if (abort.signal.aborted) throw abort.signal.reason;
        throw err;
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
};
