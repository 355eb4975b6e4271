/**
 * Exit codes shared by every command (documented in the README). Only the CLI entry point exits.
 * 1 means "the thing you asked about is not clean" (failures found, patch blocked, clusters escalated);
 * 2 and up mean suture could not do what was asked.
 */
export const ExitCode = {
  OK: 0,
  FAILURES: 1,
  USAGE: 2,
  INPUT: 3,
  ENVIRONMENT: 4,
  /** Some input was processed, some was not (e.g. a truncated report: events before the break written). */
  PARTIAL: 5,
  /** `suture guard`: the patch may land only after a recorded human approval (pass = 0, block = 1). */
  NEEDS_APPROVAL: 6,
  INTERNAL: 70,
  INTERRUPTED: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export interface SutureErrorOptions {
  /** Stable machine-readable code, E_SOMETHING. */
  code: string;
  /** What the user can do about it. */
  hint?: string;
  cause?: unknown;
}

/** An expected failure with a message written for the user. Anything else reaching the CLI is a bug. */
export class SutureError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly exitCode: ExitCodeValue = ExitCode.INTERNAL;

  constructor(message: string, opts: SutureErrorOptions) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.code = opts.code;
    this.hint = opts.hint;
  }
}

/** Wrong flags or arguments. */
export class UsageError extends SutureError {
  override readonly exitCode = ExitCode.USAGE;
}

/** A file or stream the user gave us is unreadable, malformed or unsafe. */
export class InputError extends SutureError {
  override readonly exitCode = ExitCode.INPUT;
}

/** The environment is not as needed: not a git repository, tool missing, database unreachable. */
export class EnvironmentError extends SutureError {
  override readonly exitCode = ExitCode.ENVIRONMENT;
}

/** Configuration (suture.yml, environment variables) is invalid. */
export class ConfigError extends SutureError {
  override readonly exitCode = ExitCode.USAGE;
}

export function isSutureError(err: unknown): err is SutureError {
  return err instanceof SutureError;
}
