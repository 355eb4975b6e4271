import { z } from 'zod';
import type { TestResult } from '../../events/index.js';
import type { ParseOptions } from '../types.js';
import type { DiagnosticIds } from '../results/ids.js';
import { toRepoPath } from '../results/location.js';
import { repro } from '../results/repro.js';
import { parseJson } from '../input/json.js';
import { validate } from '../input/validate.js';
import type { BuildLogExtractor } from './types.js';

const messageSchema = z.object({
  ruleId: z.string().nullish(),
  severity: z.number(),
  message: z.string(),
  line: z.number().nullish(),
  column: z.number().nullish(),
  fatal: z.boolean().nullish(),
});

export const eslintJsonSchema = z.array(z.object({ filePath: z.string(), messages: z.array(messageSchema) }));

/** ESLint `--format json`: one array of files with their messages. Severity 2 is an error. */
export const eslintJsonExtractor: BuildLogExtractor = {
  format: 'eslint-json',
  tools: ['eslint'],
  sniff(head) {
    return /^\s*\[\s*\{\s*"filePath"\s*:/.test(head) && /"messages"\s*:/.test(head) ? 0.95 : 0;
  },
  extract(lines, opts, ids) {
    const text = lines.join('\n');
    const start = text.search(/^\s*\[\s*\{\s*"filePath"/m);
    if (start === -1) return [];
    const end = text.lastIndexOf(']');
    const doc = text.slice(start, end + 1);
    const files = validate(eslintJsonSchema, parseJson(doc, opts.displayName ?? 'eslint output'), opts.displayName ?? 'eslint output', 'ESLint JSON report');
    return fromEslintJson(files, opts, ids);
  },
};

export function fromEslintJson(files: z.infer<typeof eslintJsonSchema>, opts: ParseOptions, ids: DiagnosticIds): TestResult[] {
  const out: TestResult[] = [];
  for (const f of files) {
    const file = toRepoPath(f.filePath, opts);
    for (const m of f.messages) {
      if (m.severity < 2) continue;
      const rule = m.ruleId ?? undefined;
      out.push({
        kind: 'lint',
        framework: 'eslint',
        test_id: ids.next('eslint', file, rule, m.message),
        status: 'errored',
        file,
        line: m.line ?? undefined,
        column: m.column ?? undefined,
        error_class: m.fatal ? 'SyntaxError' : undefined,
        error_code: rule,
        message: m.message,
        repro_cmd: file ? repro.eslint(file, opts.package) : undefined,
        package: opts.package,
      });
    }
  }
  return out;
}
