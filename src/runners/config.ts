import { z } from 'zod';

const filterSchema = z
  .object({
    include: z.array(z.string()).default([]).describe('Keep only these (empty: keep all)'),
    exclude: z.array(z.string()).default([]).describe('Drop these'),
  })
  .strict();

/** A command suture runs as a suite (kind test) or a check (build/typecheck/lint), for tools it does not know. */
export const customCommandSchema = z
  .object({
    id: z.string().regex(/^[\w.-]+$/, 'letters, digits, dot, dash, underscore').describe('Stable id shown by `suture detect`'),
    dir: z.string().default('.').describe('Repository-relative directory the command runs in'),
    command: z.string().min(1).describe('Run with /bin/sh -c'),
    report: z.string().optional().describe('Glob (relative to dir) of the machine-readable reports the command writes'),
    format: z.string().optional().describe('Report format when detection from content is not enough (junit, tap, ...)'),
    kind: z.enum(['test', 'build', 'typecheck', 'lint']).default('test'),
    timeout_seconds: z.number().positive().optional(),
  })
  .strict();
export type CustomCommand = z.infer<typeof customCommandSchema>;

/** `runners:` section of suture.yml. Owned by the runners stage. */
export const runnersConfigSchema = z
  .object({
    timeout_seconds: z.number().positive().default(900).describe('Per command; a timeout becomes a runtime event'),
    flaky_reruns: z.number().int().min(0).max(20).default(2).describe('Re-runs of a failed test before calling it real'),
    packages: filterSchema
      .prefault({})
      .describe('Package directories (globs, repository-relative, "." for the root) to include or exclude'),
    frameworks: filterSchema.prefault({}).describe('Runner ids (vitest, jest, pytest, go, ...) to include or exclude'),
    checks: filterSchema
      .extend({ enabled: z.boolean().default(true).describe('Run builds, type checks and linters as well as tests') })
      .prefault({})
      .describe('Check ids ("tsc", "script:lint", "ruff", ...) or kinds (build, typecheck, lint) to include or exclude'),
    commands: z.array(customCommandSchema).default([]).describe('Extra commands with their report globs'),
    ignore: z.array(z.string()).default([]).describe('Directory globs detection skips, on top of node_modules, vendor, target, fixtures, ...'),
    max_depth: z.number().int().min(0).max(12).default(4).describe('How deep detection looks for packages below the root'),
    pass_env: z
      .array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name'))
      .default([])
      .describe('Environment variables test commands may see beyond the safe defaults (DATABASE_URL, ...); secrets stay out unless named here'),
  })
  .strict();

export type RunnersConfig = z.infer<typeof runnersConfigSchema>;
