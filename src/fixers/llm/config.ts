import { z } from 'zod';

/** `llm:` section of suture.yml. Owned by the model-backed fixers. */
export const llmConfigSchema = z.object({}).strict();
