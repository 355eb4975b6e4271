import pc from 'picocolors';
import { loadConfig } from '../config/load.js';
import { ExitCode, UsageError } from '../errors.js';
import { bisect, type BisectResult, type CommitInfo } from '../fixers/revert/bisect.js';
import { commandProbe, testIdProbe } from '../fixers/revert/probes.js';
import { openRepo } from '../heal/sandbox/index.js';
import type { RegisterCommand } from './types.js';

interface BisectFlags {
  good?: string;
  bad?: string;
  cmd?: string;
  json?: boolean;
  maxBack?: string;
}

const short = (c: CommitInfo): string => `${c.sha.slice(0, 10)} ${c.subject} (${c.author}, ${c.date.slice(0, 10)})`;

function formatResult(testId: string, r: BisectResult): string {
  const lines = [`${pc.bold('suture bisect')} ${testId}`, `  good ${r.good.slice(0, 10)}   bad ${r.bad.slice(0, 10)}   ${r.steps.length} test runs`];
  for (const s of r.steps) lines.push(pc.dim(`    ${s.sha.slice(0, 10)} ${s.verdict.padEnd(4)} ${s.detail}`));
  if (r.firstBad) lines.push(`${pc.red('first bad commit:')} ${short(r.firstBad)}`);
  else lines.push(`${pc.yellow('skipped commits left; the first bad commit is one of:')}`, ...r.candidates.map((c) => `  ${short(c)}`));
  return `${lines.join('\n')}\n`;
}

/**
 * `suture bisect <test-id>`: the commit that broke a test, found with targeted re-runs in a sandbox
 * worktree (the user's tree and its bisect state are never touched). Exit 0 when one commit is found,
 * 1 when it could not be singled out (or the test does not fail at --bad), 2 for bad arguments.
 */
export const registerBisect: RegisterCommand = (program, setExitCode) => {
  program
    .command('bisect')
    .description('find the commit that broke a test (git bisect with targeted re-runs, in a sandbox worktree)')
    .argument('<test-id>', 'the failing test (its id as suture run prints it, or a unique suffix or name)')
    .option('--good <rev>', 'a commit where the test passed (default: searched among first-parent ancestors)')
    .option('--bad <rev>', 'a commit where the test fails', 'HEAD')
    .option('--cmd <command>', 'judge each commit with this shell command instead (exit 0 good, 125 skip, other bad)')
    .option('--max-back <n>', 'how many first-parent ancestors the search for a good commit may go back', '64')
    .option('--json', 'print the result as JSON')
    .action(async (testId: string, flags: BisectFlags) => {
      const maxBack = Number(flags.maxBack);
      if (!Number.isInteger(maxBack) || maxBack < 1) throw new UsageError(`--max-back must be a positive integer, got '${flags.maxBack}'`, { code: 'E_BAD_FLAG' });
      const repo = await openRepo(process.cwd());
      const config = await loadConfig(repo.root);
      const timeoutMs = config.runners.timeout_seconds * 1000;
      const probe = flags.cmd ? commandProbe(flags.cmd, timeoutMs) : testIdProbe(testId, config);
      const controller = new AbortController();
      const onSignal = (): void => controller.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        const result = await bisect({
          repoDir: repo.root,
          probe,
          good: flags.good,
          bad: flags.bad,
          maxBack,
          linkDirs: config.heal.link_dirs,
          signal: controller.signal,
          log: flags.json ? undefined : (l) => process.stderr.write(`${pc.dim(l)}\n`),
        });
        process.stdout.write(flags.json ? `${JSON.stringify({ testId, ...result }, null, 2)}\n` : formatResult(testId, result));
        setExitCode(result.firstBad ? ExitCode.OK : ExitCode.FAILURES);
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
};
