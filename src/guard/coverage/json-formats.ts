import type { FileCoverage } from './types.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Istanbul `json-summary` (coverage-summary.json): per-file `lines.total/covered`, plus a `total` entry. */
export function parseIstanbulSummary(doc: Json): FileCoverage[] {
  return Object.entries(doc)
    .filter(([k, v]) => k !== 'total' && isObj(v) && isObj(v.lines))
    .map(([k, v]) => {
      const lines = (v as { lines: { total: number; covered: number } }).lines;
      return { path: k, found: Number(lines.total) || 0, hit: Number(lines.covered) || 0 };
    });
}

/** Istanbul `json` (coverage-final.json): a line is covered when any statement starting on it ran. */
export function parseIstanbulFinal(doc: Json): FileCoverage[] {
  const out: FileCoverage[] = [];
  for (const [k, v] of Object.entries(doc)) {
    if (!isObj(v) || !isObj(v.statementMap) || !isObj(v.s)) continue;
    const lines = new Map<number, number>();
    const counts = v.s as Record<string, number>;
    for (const [id, loc] of Object.entries(v.statementMap as Record<string, { start: { line: number } }>)) {
      const ln = loc.start.line;
      lines.set(ln, Math.max(lines.get(ln) ?? 0, counts[id] ?? 0));
    }
    out.push({ path: typeof v.path === 'string' ? v.path : k, found: lines.size, hit: [...lines.values()].filter((c) => c > 0).length });
  }
  return out;
}

/** coverage.py `coverage json`: `files.<path>.summary.{num_statements,covered_lines}`. */
export function parseCoveragePy(doc: Json): FileCoverage[] {
  const files = isObj(doc.files) ? doc.files : {};
  return Object.entries(files).flatMap(([k, v]) => {
    if (!isObj(v) || !isObj(v.summary)) return [];
    const s = v.summary as { num_statements?: number; covered_lines?: number };
    return [{ path: k, found: Number(s.num_statements) || 0, hit: Number(s.covered_lines) || 0 }];
  });
}

/** `go test -coverprofile`: statement blocks `file:l.c,l.c numStmts count`. */
export function parseGoCover(text: string): FileCoverage[] {
  const byFile = new Map<string, Map<string, { n: number; hit: boolean }>>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^(.+):(\d+\.\d+,\d+\.\d+) (\d+) (\d+)$/.exec(line.trim());
    if (!m) continue;
    const blocks = byFile.get(m[1]!) ?? new Map<string, { n: number; hit: boolean }>();
    const prev = blocks.get(m[2]!);
    blocks.set(m[2]!, { n: Number(m[3]), hit: (prev?.hit ?? false) || Number(m[4]) > 0 });
    byFile.set(m[1]!, blocks);
  }
  return [...byFile].map(([p, blocks]) => {
    let found = 0;
    let hit = 0;
    for (const b of blocks.values()) {
      found += b.n;
      if (b.hit) hit += b.n;
    }
    return { path: p, found, hit };
  });
}
