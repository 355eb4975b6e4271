import { z } from 'zod';
import { DEFAULT_ENV_FILES } from './dotenv.js';

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name');
const regex = z.string().refine((s) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}, 'a valid regular expression');

/** `secrets:` section of suture.yml: what counts as a secret besides the built-in vendor formats. */
export const secretsConfigSchema = z
  .object({
    redact_env: z
      .array(envName)
      .default([])
      .describe('Environment variables whose values are always redacted, besides those whose names look secret (*_KEY, *_TOKEN, *PASSWORD*, *SECRET*, DATABASE_URL, ...)'),
    patterns: z.array(regex).default([]).describe('Extra regular expressions (JavaScript syntax) for secret-shaped text of your own; a match is redacted whole'),
    env_files: z
      .array(z.string())
      .default(DEFAULT_ENV_FILES)
      .describe('Dotenv files (globs, repository-relative) whose credential-like values are redacted everywhere'),
  })
  .strict();

export type SecretsConfig = z.infer<typeof secretsConfigSchema>;
