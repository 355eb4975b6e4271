import { z } from 'zod';

/** `runners:` section of suture.yml. Owned by the runners stage. */
export const runnersConfigSchema = z
  .object({
    timeout_seconds: z.number().positive().default(900).describe('Per command; a timeout becomes a runtime event'),
    flaky_reruns: z.number().int().min(0).max(20).default(2).describe('Re-runs of a failed test before calling it real'),
  })
  .strict();
