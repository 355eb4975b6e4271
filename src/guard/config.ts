import { z } from 'zod';
import { RULE_IDS, type RuleId } from './rules/ids.js';

/** Paths whose change always needs a second key (a recorded human approval), whoever wrote the patch. */
export const DEFAULT_PROTECTED_PATHS = [
  // CI and automation
  '.github/workflows/**',
  '.github/actions/**',
  '.gitlab-ci.yml',
  '.gitlab/**',
  '.circleci/**',
  'azure-pipelines.yml',
  '.azure-pipelines/**',
  'Jenkinsfile',
  '.travis.yml',
  'bitbucket-pipelines.yml',
  '.buildkite/**',
  // Security-sensitive code
  '**/auth/**',
  '**/authn/**',
  '**/authz/**',
  '**/security/**',
  '**/crypto/**',
  '**/secrets/**',
  '**/permissions/**',
  '**/*.pem',
  '**/*.key',
  '**/CODEOWNERS',
  // Package manifests and lockfiles
  '**/package.json',
  '**/package-lock.json',
  '**/npm-shrinkwrap.json',
  '**/yarn.lock',
  '**/pnpm-lock.yaml',
  '**/bun.lockb',
  '**/requirements*.txt',
  '**/pyproject.toml',
  '**/setup.py',
  '**/setup.cfg',
  '**/Pipfile',
  '**/Pipfile.lock',
  '**/poetry.lock',
  '**/uv.lock',
  '**/go.mod',
  '**/go.sum',
  '**/Cargo.toml',
  '**/Cargo.lock',
  '**/pom.xml',
  '**/build.gradle',
  '**/build.gradle.kts',
  '**/Gemfile',
  '**/Gemfile.lock',
  // suture's own policy
  'suture.yml',
  'suture.yaml',
];

export const severitySchema = z.enum(['info', 'warn', 'approval', 'block']);

const ruleSettingsSchema = z
  .object({
    enabled: z.boolean().default(true),
    severity: severitySchema.optional().describe("Overrides the rule's own severity for every finding it reports"),
  })
  .strict();
export type RuleSettings = z.infer<typeof ruleSettingsSchema>;

const rulesSchema = z
  .object(Object.fromEntries(RULE_IDS.map((id) => [id, ruleSettingsSchema.optional()])) as Record<RuleId, z.ZodOptional<typeof ruleSettingsSchema>>)
  .strict();

const riskBandSchema = z.object({
  min_confidence: z.number().min(0).max(1),
  max_files: z.number().int().min(0),
  max_lines: z.number().int().min(0),
});

/** `guard:` section of suture.yml (the policy). Owned by the guard stage. Absent means these defaults. */
export const guardConfigSchema = z
  .object({
    limits: z
      .object({
        max_files: z.number().int().min(1).default(2).describe('Changed files before a patch needs approval'),
        max_lines: z.number().int().min(1).default(40).describe('Added plus removed lines before a patch needs approval'),
      })
      .strict()
      .prefault({}),
    protected: z
      .object({
        paths: z.array(z.string()).default(DEFAULT_PROTECTED_PATHS).describe('Globs that need approval; replaces the defaults'),
        extra: z.array(z.string()).default([]).describe('Globs added to `paths` (keeps the defaults)'),
        approvals: z.number().int().min(1).max(10).default(1).describe('Distinct approvers a protected change needs'),
      })
      .strict()
      .prefault({}),
    test_globs: z.array(z.string()).default([]).describe('Extra globs of test files, beyond each language\'s conventions'),
    rules: rulesSchema.prefault({}),
    risk: z
      .object({
        low: riskBandSchema.default({ min_confidence: 0.85, max_files: 1, max_lines: 20 }),
        medium: riskBandSchema.default({ min_confidence: 0.6, max_files: 2, max_lines: 40 }),
        auto_apply: z.enum(['low', 'medium', 'high']).default('low').describe('Highest risk a patch may have to be applied without review'),
      })
      .strict()
      .prefault({}),
    breaker: z
      .object({
        window: z.number().int().min(1).default(10).describe('Recent attempts the success rate is computed over'),
        min_success_rate: z.number().min(0).max(1).default(0.7),
        min_attempts: z.number().int().min(1).default(5).describe('Attempts needed in the window before the rate can open the breaker'),
        max_fingerprint_failures: z.number().int().min(1).default(3).describe('Failed attempts on one fingerprint that open the breaker'),
      })
      .strict()
      .prefault({}),
    rate_limit: z
      .object({
        max_auto_proposals_per_day: z.number().int().min(0).default(5),
      })
      .strict()
      .prefault({}),
    loop: z
      .object({
        trailer: z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/).default('Suture-Fix').describe('Commit trailer suture writes on its own fixes'),
        max_attempts: z.number().int().min(0).default(1).describe('Heal attempts allowed on a commit that carries the trailer'),
      })
      .strict()
      .prefault({}),
    coverage: z
      .object({
        base: z.string().optional().describe('Coverage report of the base revision (lcov, Cobertura XML, Istanbul summary JSON, coverage.py JSON)'),
        head: z.string().optional().describe('Coverage report with the patch applied'),
        tolerance: z.number().min(0).max(100).default(0).describe('Percentage points a touched file may lose'),
        min_total: z.number().min(0).max(100).optional().describe('Global minimum line coverage of the head report'),
        threshold: z.number().min(0).max(100).default(80).describe('`suture coverage` lists files under this'),
        reports: z.array(z.string()).default([]).describe('Reports `suture coverage` reads when none are given (else common paths)'),
      })
      .strict()
      .prefault({}),
    openapi: z
      .object({
        spec: z.string().optional().describe('Committed OpenAPI document (3.0/3.1, YAML or JSON), relative to the root'),
        generate: z
          .object({
            command: z.string().describe('Command that writes the generated spec'),
            output: z.string().optional().describe('File the command writes; stdout when absent'),
            timeout_seconds: z.number().positive().default(120),
          })
          .strict()
          .optional(),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type GuardConfig = z.infer<typeof guardConfigSchema>;
export type { RuleId };
