import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../../errors.js';
import { parseCobertura } from './cobertura.js';
import { parseCoveragePy, parseGoCover, parseIstanbulFinal, parseIstanbulSummary } from './json-formats.js';
import { parseLcov } from './lcov.js';
import type { CoverageFormat, CoverageReport, FileCoverage } from './types.js';

function normalize(p: string, root: string, sources: string[] = []): string {
  let abs = p;
  if (!path.isAbsolute(p)) {
    const src = sources.find((s) => path.isAbsolute(s));
    abs = src ? path.join(src, p) : path.join(root, p);
  }
  const rel = path.relative(root, abs);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? p : rel).replace(/\\/g, '/');
}

/** Parses a coverage report of any supported format (detected from the content). */
export function parseCoverage(text: string, root: string, where = 'coverage report'): CoverageReport {
  const t = text.trimStart();
  let format: CoverageFormat;
  let files: FileCoverage[];
  let sources: string[] = [];
  try {
    if (t.startsWith('mode:')) [format, files] = ['go-cover', parseGoCover(text)];
    else if (/^(TN:|SF:)/m.test(t) && /end_of_record/.test(t)) [format, files] = ['lcov', parseLcov(text)];
    else if (t.startsWith('<')) {
      const r = parseCobertura(text);
      [format, files, sources] = ['cobertura', r.files, r.sources];
    } else if (t.startsWith('{')) {
      const doc = JSON.parse(text) as Record<string, unknown>;
      if (typeof doc.files === 'object' && (doc.meta !== undefined || doc.totals !== undefined)) [format, files] = ['coverage.py', parseCoveragePy(doc)];
      else if (typeof doc.total === 'object') [format, files] = ['istanbul-summary', parseIstanbulSummary(doc)];
      else [format, files] = ['istanbul-final', parseIstanbulFinal(doc)];
    } else throw new Error('unrecognised format');
  } catch (err) {
    throw new InputError(`${where}: cannot read coverage: ${(err as Error).message}`, {
      code: 'E_COVERAGE_PARSE',
      hint: 'Give an lcov tracefile, Cobertura XML, Istanbul json-summary/json, coverage.py JSON or a Go coverprofile.',
      cause: err,
    });
  }
  const map = new Map<string, FileCoverage>();
  for (const f of files) {
    const p = normalize(f.path, root, sources);
    const prev = map.get(p);
    map.set(p, prev ? { path: p, found: prev.found + f.found, hit: prev.hit + f.hit } : { ...f, path: p });
  }
  return { format, files: map };
}

export async function loadCoverage(file: string, root: string): Promise<CoverageReport> {
  const abs = path.resolve(root, file);
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read coverage report ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, {
      code: 'E_COVERAGE_READ',
      hint: 'Run the tests with coverage first, or fix the path (guard.coverage in suture.yml or the command line).',
      cause: err,
    });
  }
  return parseCoverage(text, root, file);
}

/** The report's entry for a repo path: exact, else by path suffix (reports written from another root). */
export function lookup(report: CoverageReport, rel: string): FileCoverage | undefined {
  const exact = report.files.get(rel);
  if (exact) return exact;
  for (const [k, v] of report.files) if (k.endsWith(`/${rel}`) || rel.endsWith(`/${k}`)) return v;
  return undefined;
}

/** Where coverage reports usually are, for `suture coverage` with no report given. */
export const COMMON_REPORTS = ['coverage/lcov.info', 'lcov.info', 'coverage/coverage-summary.json', 'coverage/coverage-final.json', 'coverage/cobertura-coverage.xml', 'coverage.xml', 'coverage.json', 'coverage.out', 'cover.out'];
