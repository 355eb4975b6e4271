import type { FileCoverage } from './types.js';

/**
 * lcov tracefiles (`SF:` … `end_of_record`). Hand-written: the format is a few line prefixes and the
 * npm parsers for it are unmaintained; LF/LH win when present, else DA lines are counted.
 */
export function parseLcov(text: string): FileCoverage[] {
  const out: FileCoverage[] = [];
  let cur: { path: string; lf?: number; lh?: number; da: Map<number, number> } | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('SF:')) cur = { path: line.slice(3), da: new Map() };
    else if (!cur) continue;
    else if (line.startsWith('DA:')) {
      const [ln, count] = line.slice(3).split(',');
      const n = Number(ln);
      cur.da.set(n, Math.max(cur.da.get(n) ?? 0, Number(count) || 0));
    } else if (line.startsWith('LF:')) cur.lf = Number(line.slice(3));
    else if (line.startsWith('LH:')) cur.lh = Number(line.slice(3));
    else if (line === 'end_of_record') {
      const hitDa = [...cur.da.values()].filter((c) => c > 0).length;
      out.push({ path: cur.path, found: cur.lf ?? cur.da.size, hit: cur.lh ?? hitDa });
      cur = undefined;
    }
  }
  return out;
}
