import { z } from 'zod';

/** `triage:` section of suture.yml. Owned by the triage stage. */
export const triageConfigSchema = z.object({}).strict();
