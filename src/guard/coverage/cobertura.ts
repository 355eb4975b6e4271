import { XMLParser } from 'fast-xml-parser';
import type { FileCoverage } from './types.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['source', 'package', 'class', 'line'].includes(name),
});

interface XLine { number?: string; hits?: string }
interface XClass { filename?: string; lines?: { line?: XLine[] } }
interface XDoc {
  coverage?: { sources?: { source?: string[] }; packages?: { package?: Array<{ classes?: { class?: XClass[] } }> } };
}

/** Cobertura XML (coverage.py `coverage xml`, Istanbul `cobertura`, JaCoCo converters, gocover-cobertura). */
export function parseCobertura(text: string): { files: FileCoverage[]; sources: string[] } {
  const doc = parser.parse(text) as XDoc;
  if (!doc.coverage) throw new Error('no <coverage> root element');
  const byFile = new Map<string, Map<number, number>>();
  for (const pkg of doc.coverage.packages?.package ?? []) {
    for (const cls of pkg.classes?.class ?? []) {
      if (!cls.filename) continue;
      const lines = byFile.get(cls.filename) ?? new Map<number, number>();
      for (const l of cls.lines?.line ?? []) {
        const n = Number(l.number);
        lines.set(n, Math.max(lines.get(n) ?? 0, Number(l.hits) || 0));
      }
      byFile.set(cls.filename, lines);
    }
  }
  const files = [...byFile].map(([p, lines]) => ({ path: p, found: lines.size, hit: [...lines.values()].filter((h) => h > 0).length }));
  return { files, sources: (doc.coverage.sources?.source ?? []).map(String) };
}
