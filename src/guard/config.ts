import { z } from 'zod';

/** `guard:` section of suture.yml (the policy). Owned by the guard stage. */
export const guardConfigSchema = z.object({}).strict();
