import type { z } from 'zod';
import { MalformedReportError, type ReportPosition } from '../errors.js';

/** Validates parsed report content at the boundary; the error names the first offending field. */
export function validate<T extends z.ZodType>(schema: T, value: unknown, file: string, what: string, position?: ReportPosition): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const at = issue?.path.length ? ` at "${issue.path.join('.')}"` : '';
  throw new MalformedReportError(file, `not a ${what}${at}: ${issue?.message ?? 'unexpected shape'}`, { position });
}
