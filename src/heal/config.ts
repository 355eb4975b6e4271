import { z } from 'zod';

/** `heal:` section of suture.yml. Owned by the heal stage. */
export const healConfigSchema = z
  .object({
    max_attempts: z.number().int().min(1).max(20).default(3),
    confidence_threshold: z.number().min(0).max(1).default(0.85).describe('Auto-apply only at or above this triage confidence'),
  })
  .strict();
