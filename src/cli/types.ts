import type { Command } from 'commander';

/** Sets the process exit code for the command that ran (only main.ts calls process.exit). */
export type SetExitCode = (code: number) => void;

/** Every command file exports one of these; `commands.ts` lists them. Commands stay thin: flags → stage → output. */
export type RegisterCommand = (program: Command, setExitCode: SetExitCode) => void;
