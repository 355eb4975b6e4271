import type { SecretsConfig } from './config.js';
import { dotenvSecrets } from './dotenv.js';
import { Redactor } from './redact.js';

/**
 * The process-wide redactor: secret-named environment variables from the start, the repository's
 * dotenv values and configured patterns once `loadRepoSecrets` ran. One instance, so every writer
 * (prompts, agent files, reports, logs) redacts the same things.
 */
let current = new Redactor().addEnv(process.env);
let patternsAdded = new Set<string>();

/** Redacts secret-shaped text (see Redactor). Call it on anything leaving the process: prompts, reports, logs. */
export function redact(text: string): string {
  return current.redact(text);
}

export function secretRedactor(): Redactor {
  return current;
}

/** Values the caller knows are secret (an API key it just read), redacted from now on. */
export function registerSecrets(values: Iterable<string>, kind = 'secret'): void {
  current.addValues(values, kind);
}

/**
 * Adds the repository's dotenv values, `secrets.redact_env` and `secrets.patterns` to the redactor.
 * The heal loop calls it with the user's checkout (dotenv files are usually untracked, so absent from
 * the sandbox). Returns the dotenv files read.
 */
export async function loadRepoSecrets(root: string, cfg?: SecretsConfig): Promise<string[]> {
  current.addEnv(process.env, cfg?.redact_env ?? []);
  for (const p of cfg?.patterns ?? []) {
    if (patternsAdded.has(p)) continue;
    patternsAdded.add(p);
    current.addPattern({ kind: 'custom', re: new RegExp(p, 'g') });
  }
  const { values, files } = await dotenvSecrets(root, cfg?.env_files);
  current.addValues(values, 'dotenv');
  return files;
}

/** Starts over from `env` alone (tests). */
export function resetSecrets(env: NodeJS.ProcessEnv = process.env): void {
  current = new Redactor().addEnv(env);
  patternsAdded = new Set();
}
