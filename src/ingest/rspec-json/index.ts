import { z } from 'zod';
import type { TestResult } from '../../events/index.js';
import type { ParseOptions, ReportParser } from '../types.js';
import { MalformedReportError } from '../errors.js';
import { readDocument } from '../input/document.js';
import { documentStart, parseJson } from '../input/json.js';
import { validate } from '../input/validate.js';
import { testId } from '../results/ids.js';
import { locate, toRepoPath } from '../results/location.js';
import { repro } from '../results/repro.js';

const exampleSchema = z.object({
  id: z.string().nullish(),
  description: z.string(),
  full_description: z.string().nullish(),
  status: z.string(),
  file_path: z.string().nullish(),
  line_number: z.number().nullish(),
  run_time: z.number().nullish(),
  pending_message: z.string().nullish(),
  exception: z.object({ class: z.string().nullish(), message: z.string().nullish(), backtrace: z.array(z.string()).nullish() }).nullish(),
});

const reportSchema = z.object({
  examples: z.array(exampleSchema),
  messages: z.array(z.string()).nullish(),
  summary: z
    .object({ example_count: z.number().nullish(), failure_count: z.number().nullish(), pending_count: z.number().nullish(), errors_outside_of_examples_count: z.number().nullish() })
    .nullish(),
});

const WHAT = 'RSpec JSON report';
const ASSERTION = /ExpectationNotMetError|MockExpectationError|MultipleExpectationsNotMetError/;

/** `rspec --format json`: one document; examples carry status, location and the exception. */
export const rspecJson: ReportParser = {
  format: 'rspec-json',
  sniff(head) {
    return /"examples"\s*:\s*\[/.test(head) && /"(full_description|example_count|summary_line)"/.test(head) ? 0.95 : 0;
  },
  async *parse(input, opts) {
    const file = opts.displayName;
    const text = await readDocument(input, file, WHAT);
    const start = documentStart(text);
    if (start.offset === -1) throw new MalformedReportError(file, `not a ${WHAT}: no JSON object found`);
    const report = validate(reportSchema, parseJson(text.slice(start.offset), file, start.line), file, WHAT);
    const s = report.summary;
    if (s) opts.onTotals?.({ tests: s.example_count ?? undefined, failures: s.failure_count ?? undefined, skipped: s.pending_count ?? undefined, errors: s.errors_outside_of_examples_count ?? undefined });
    for (const ex of report.examples) yield convert(ex, opts);
    if ((s?.errors_outside_of_examples_count ?? 0) > 0) {
      const message = (report.messages ?? []).join('\n').trim() || 'an error occurred outside of examples (while loading spec files)';
      yield { kind: 'test', framework: 'rspec', test_id: testId(undefined, ['(outside examples)']), status: 'errored', name: '(outside examples)', message, ...locate(message, opts), package: opts.package };
    }
  },
};

function convert(ex: z.infer<typeof exampleSchema>, opts: ParseOptions): TestResult {
  const file = toRepoPath(ex.file_path, opts);
  const full = ex.full_description ?? ex.description;
  const suite = full.endsWith(ex.description) ? full.slice(0, full.length - ex.description.length).trim() : '';
  const status: TestResult['status'] = ex.status === 'passed' ? 'passed' : ex.status === 'failed' ? 'failed' : 'skipped';
  const r: TestResult = {
    kind: 'test',
    framework: 'rspec',
    test_id: testId(file, [suite, ex.description]),
    status,
    suite: suite || undefined,
    name: ex.description,
    file,
    line: ex.line_number ?? undefined,
    duration_ms: ex.run_time != null ? Math.round(ex.run_time * 1e6) / 1e3 : undefined,
    package: opts.package,
  };
  if (status === 'skipped') r.message = ex.pending_message ?? undefined;
  if (status === 'failed' && ex.exception) {
    const cls = ex.exception.class ?? undefined;
    const stack = (ex.exception.backtrace ?? []).join('\n');
    const where = locate(stack, opts, file);
    Object.assign(r, { status: cls && !ASSERTION.test(cls) ? 'errored' : 'failed', error_class: cls, message: (ex.exception.message ?? '').trim(), stack: stack || undefined, line: where.line ?? r.line });
  }
  if (status !== 'skipped' && file) r.repro_cmd = repro.rspec(file, ex.line_number ?? undefined);
  return r;
}
