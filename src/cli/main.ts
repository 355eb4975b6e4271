import { Command, CommanderError } from 'commander';
import pc from 'picocolors';
import { ExitCode, isSutureError } from '../errors.js';
import { commands } from './commands.js';
import { VERSION } from '../version.js';

/**
 * The only place that exits. Expected errors (SutureError) print one line plus a hint; anything else
 * is a bug and says so (the stack only with SUTURE_DEBUG=1).
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('suture')
    .description('A self-healing test loop: run tests, ingest failures, triage, heal with verified fixes.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  let exitCode: number = ExitCode.OK;
  for (const register of commands) {
    register(program, (code) => {
      exitCode = code;
    });
  }
  for (const cmd of program.commands) cmd.exitOverride();

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    return reportError(err);
  }
}

export function reportError(err: unknown): number {
  if (err instanceof CommanderError) {
    // Help and version output are successful exits; commander already printed the message.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return ExitCode.OK;
    return ExitCode.USAGE;
  }
  if (isSutureError(err)) {
    process.stderr.write(`${pc.red('suture: error')} [${err.code}] ${err.message}\n`);
    if (err.hint) process.stderr.write(`  ${pc.dim('hint:')} ${err.hint}\n`);
    if (process.env.SUTURE_DEBUG && err.cause) process.stderr.write(`${String((err.cause as Error).stack ?? err.cause)}\n`);
    return err.exitCode;
  }
  const e = err as Error;
  process.stderr.write(`${pc.red('suture: internal error')} ${e?.message ?? String(err)}\n`);
  process.stderr.write('  This is a bug in suture. Re-run with SUTURE_DEBUG=1 and report the output.\n');
  if (process.env.SUTURE_DEBUG) process.stderr.write(`${e?.stack ?? ''}\n`);
  return ExitCode.INTERNAL;
}
