import { Option } from 'commander';
import { runIngest } from '../ingest/command/run.js';
import { formatNames } from '../ingest/index.js';
import type { RegisterCommand } from './types.js';

interface IngestFlags {
  out?: string;
  format?: string;
  all?: boolean;
  json?: boolean;
  log?: boolean;
  repoRoot?: string;
  package?: string;
  runId?: string;
}

export const registerIngest: RegisterCommand = (program, setExitCode) => {
  program
    .command('ingest')
    .description('turn test reports and build/lint logs into failure events (NDJSON)')
    .argument('<inputs...>', 'report files, globs (quoted) or - for stdin')
    .option('-o, --out <file>', 'write events to FILE (atomically) instead of stdout')
    .addOption(new Option('-f, --format <format>', 'skip detection and read every input as this format').choices(formatNames()))
    .option('--all', 'also write passed and skipped test cases (TestCaseRecord lines)')
    .option('--json', 'print the summary as JSON on stdout (events then need --out)')
    .option('--log', 'read inputs as raw CI logs (no structured report)')
    .option('--repo-root <dir>', 'repository root that file paths are made relative to (default: the git top level, else the current directory)')
    .option('--package <dir>', 'workspace package the reports were made in (repository-relative): paths in them start there, ids and files stay repository-relative')
    .option('--run-id <id>', 'run id stamped on every event (default: generated)')
    .addHelpText('after', '\nExit codes: 0 no failures, 1 failures found, 2 usage, 3 nothing usable in the input, 5 partial (some input failed; the rest was written).')
    .action(async (inputs: string[], flags: IngestFlags) => {
      const { exitCode } = await runIngest({
        inputs,
        cwd: process.cwd(),
        ...flags,
        stdin: process.stdin,
        stdout: process.stdout,
        stderr: process.stderr,
        color: !process.env.NO_COLOR && process.stderr.isTTY === true,
      });
      setExitCode(exitCode);
    });
};
