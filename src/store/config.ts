import { z } from 'zod';

/** `store:` section of suture.yml. Owned by the store stage. Secrets never live here: name env vars. */
export const storeConfigSchema = z
  .object({
    path: z.string().default('.suture/suture.db').describe('SQLite file, relative to the repository root'),
  })
  .strict();
