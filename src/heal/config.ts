import { z } from 'zod';

/** `heal:` section of suture.yml. Owned by the heal stage. */
export const healConfigSchema = z
  .object({
    max_attempts: z.number().int().min(1).max(20).default(3).describe('Candidate patches verified per cluster before it is escalated'),
    confidence_threshold: z.number().min(0).max(1).default(0.85).describe('Auto-apply only at or above this triage confidence'),
    output_dir: z.string().default('.suture').describe('Where fix-proposal.json, patches, task files and the report go (repository-relative)'),
    fixers: z
      .array(z.string())
      .optional()
      .describe('Fixer ids to use, in the registry order; absent means every registered fixer'),
    link_dirs: z
      .array(z.string())
      .default(['node_modules', '.venv', 'venv', 'bower_components'])
      .describe('Ignored dependency directories (by name) made available inside the sandbox worktree'),
    time_budget_seconds: z.number().positive().default(1800).describe('Stop starting new attempts after this long; clusters left are escalated'),
    reporters: z
      .array(z.string())
      .default(['files', 'markdown'])
      .describe('Reporters writing outputs besides the terminal: files (fix-proposal.json, patches, task YAML), markdown'),
  })
  .strict();

export type HealConfig = z.infer<typeof healConfigSchema>;
