import type { TestResult } from '../../events/index.js';
import { isFailure } from '../../events/index.js';

export interface FileSummary {
  input: string;
  format?: string;
  cases: number;
  failures: number;
  /** One-line error that stopped this input (after `cases` were read). */
  error?: { code: string; message: string };
}

export interface IngestSummary {
  run_id: string;
  files: FileSummary[];
  cases: number;
  by_status: Record<string, number>;
  by_kind: Record<string, number>;
  /** Files with the most failures (the `file` field of failing results), most first, at most 10. */
  top_files: { file: string; failures: number }[];
  events_written: number;
  records_written: number;
  out?: string;
  exit_code: number;
}

/** Counts as results stream past; nothing is kept per result but a per-file tally. */
export class SummaryBuilder {
  readonly files: FileSummary[] = [];
  #byStatus: Record<string, number> = {};
  #byKind: Record<string, number> = {};
  #failuresByFile = new Map<string, number>();
  #cases = 0;

  startFile(input: string): FileSummary {
    const f: FileSummary = { input, format: undefined, cases: 0, failures: 0 };
    this.files.push(f);
    return f;
  }

  add(file: FileSummary, r: TestResult): void {
    file.cases++;
    this.#cases++;
    this.#byStatus[r.status] = (this.#byStatus[r.status] ?? 0) + 1;
    this.#byKind[r.kind] = (this.#byKind[r.kind] ?? 0) + 1;
    if (isFailure(r)) {
      file.failures++;
      if (r.file) this.#failuresByFile.set(r.file, (this.#failuresByFile.get(r.file) ?? 0) + 1);
    }
  }

  build(extra: { run_id: string; events_written: number; records_written: number; out?: string; exit_code: number }): IngestSummary {
    const top = [...this.#failuresByFile.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10);
    return {
      run_id: extra.run_id,
      files: this.files,
      cases: this.#cases,
      by_status: this.#byStatus,
      by_kind: this.#byKind,
      top_files: top.map(([file, failures]) => ({ file, failures })),
      events_written: extra.events_written,
      records_written: extra.records_written,
      out: extra.out,
      exit_code: extra.exit_code,
    };
  }
}

const ORDER = ['failed', 'errored', 'flaky', 'passed', 'skipped'];

/** The short human summary printed on stderr. */
export function renderSummary(s: IngestSummary): string {
  const lines: string[] = [];
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  lines.push(`suture ingest: ${plural(s.files.length, 'input')}, ${plural(s.cases, 'test case')}`);
  const width = Math.min(60, Math.max(...s.files.map((f) => f.input.length)));
  for (const f of s.files) {
    const what = f.error && f.cases === 0 ? `error: ${f.error.message}` : `${f.format ?? '?'}: ${plural(f.cases, 'case')}, ${f.failures} failing${f.error ? ` (stopped early: ${f.error.message})` : ''}`;
    lines.push(`  ${f.input.padEnd(width)}  ${what}`);
  }
  const statuses = ORDER.filter((k) => s.by_status[k]).map((k) => `${s.by_status[k]} ${k}`);
  if (statuses.length) lines.push(`  status: ${statuses.join(', ')}`);
  const kinds = Object.entries(s.by_kind).map(([k, n]) => `${n} ${k}`);
  if (kinds.length) lines.push(`  kind:   ${kinds.join(', ')}`);
  if (s.top_files.length) lines.push(`  most failures: ${s.top_files.slice(0, 5).map((t) => `${t.file} (${t.failures})`).join(', ')}`);
  const written = `${plural(s.events_written, 'failure event')}${s.records_written ? ` and ${plural(s.records_written, 'test case record')}` : ''}`;
  lines.push(`  wrote ${written} to ${s.out ?? 'stdout'}`);
  return lines.join('\n') + '\n';
}
