import path from 'node:path';
import { z } from 'zod';
import type { TestResult } from '../../events/index.js';
import { InputError } from '../../errors.js';

const pos = z.object({ line: z.number().int(), column: z.number().int() }).partial();
const diagnosticSchema = z.object({
  severity: z.string(),
  summary: z.string(),
  detail: z.string().optional(),
  range: z.object({ filename: z.string(), start: pos.optional() }).optional(),
  snippet: z.object({ context: z.string().nullable().optional(), code: z.string().optional() }).optional(),
});
/** `terraform validate -json` output (format_version 1.x). */
export const validateOutputSchema = z.object({
  format_version: z.string().optional(),
  valid: z.boolean(),
  error_count: z.number().optional(),
  warning_count: z.number().optional(),
  diagnostics: z.array(diagnosticSchema).default([]),
});

// Diagnostics that mean "run terraform init first", not a mistake in the configuration.
const NOT_INITIALISED = /^(Missing required provider|Module not installed|Missing required module|Inconsistent dependency lock file|Required plugins are not installed)/;

/**
 * Turns validate's error diagnostics into build results (warnings are not failures). File paths are
 * relative to the directory validate ran in; a compiler-style "Did you mean" in the detail becomes
 * `suggestion`.
 */
export function parseValidateJson(text: string, where: { root: string; pkgDir: string; displayName: string }): TestResult[] {
  const start = text.indexOf('{');
  let json: unknown;
  try {
    json = JSON.parse(start === -1 ? text : text.slice(start));
  } catch (err) {
    throw new InputError(`${where.displayName}: not terraform validate -json output (${(err as Error).message})`, { code: 'E_TERRAFORM_JSON' });
  }
  const parsed = validateOutputSchema.safeParse(json);
  if (!parsed.success) throw new InputError(`${where.displayName}: unexpected terraform validate -json shape`, { code: 'E_TERRAFORM_JSON' });
  const pkg = where.pkgDir === '.' ? undefined : where.pkgDir;
  const seen = new Map<string, number>();
  const out: TestResult[] = [];
  // terraform validates files concurrently, so diagnostics arrive in any order: sort for stable ids and output.
  const key = (d: (typeof parsed.data.diagnostics)[number]) => `${d.range?.filename ?? ''}\0${String(d.range?.start?.line ?? 0).padStart(9, '0')}\0${d.summary}`;
  const diagnostics = [...parsed.data.diagnostics].sort((a, b) => key(a).localeCompare(key(b)));
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    const file = d.range?.filename ? path.posix.join(pkg ?? '', d.range.filename.replace(/\\/g, '/')) : undefined;
    const base = `terraform:${file ?? pkg ?? '.'}:${d.summary}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const detail = d.detail?.trim();
    const notInit = NOT_INITIALISED.test(d.summary);
    out.push({
      kind: 'build',
      framework: 'terraform',
      test_id: n === 1 ? base : `${base}#${n}`,
      status: 'failed',
      file,
      line: d.range?.start?.line,
      column: d.range?.start?.column,
      error_class: notInit ? 'TerraformNotInitialized' : 'TerraformValidationError',
      message: detail ? `${d.summary}: ${detail}` : d.summary,
      stack: d.snippet?.code ? `${d.snippet.context ? `${d.snippet.context}\n` : ''}${d.snippet.code}` : undefined,
      suggestion: /Did you mean "?([^"?]+)"?\?/.exec(detail ?? '')?.[1],
      package: pkg,
    });
  }
  return out;
}
