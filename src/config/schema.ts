import { z } from 'zod';
import { runnersConfigSchema } from '../runners/config.js';
import { triageConfigSchema } from '../triage/config.js';
import { healConfigSchema } from '../heal/config.js';
import { llmConfigSchema } from '../fixers/llm/config.js';
import { guardConfigSchema } from '../guard/config.js';
import { storeConfigSchema } from '../store/config.js';
import { secretsConfigSchema } from '../secrets/config.js';

/**
 * suture.yml. Each stage owns its section's schema; this file only composes them.
 * `prefault({})` parses an absent section through its own defaults.
 */
export const configSchema = z
  .object({
    version: z.literal(1).default(1),
    runners: runnersConfigSchema.prefault({}),
    triage: triageConfigSchema.prefault({}),
    heal: healConfigSchema.prefault({}),
    llm: llmConfigSchema.prefault({}),
    guard: guardConfigSchema.prefault({}),
    store: storeConfigSchema.prefault({}),
    secrets: secretsConfigSchema.prefault({}),
  })
  .strict();

export type SutureConfig = z.infer<typeof configSchema>;
export type SutureConfigInput = z.input<typeof configSchema>;
