import { parsers } from './formats.js';
import type { ReportParser } from './types.js';

/** Below this confidence a format is not claimed: better "unknown, pass --format" than a wrong parse. */
export const MIN_CONFIDENCE = 0.3;

export interface Sniffed {
  format: string;
  score: number;
}

/** Every registered format's confidence for this head, most confident first (for diagnostics). */
export function sniffAll(head: string, fileName: string, registry: ReportParser[] = parsers): Sniffed[] {
  return registry
    .map((p) => {
      let score = 0;
      try {
        score = p.sniff(head, fileName);
      } catch {
        score = 0; // a sniffer must never break detection for the others
      }
      return { format: p.format, score };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
}

/**
 * The format of a report from its first 64 KiB (decoded as UTF-8), or undefined when nothing is
 * confident enough. Content decides; the file name is passed on to sniffers but no built-in one
 * trusts an extension, since `report.xml` and `results.json` say little.
 */
export function detectFormat(head: string, fileName: string, registry: ReportParser[] = parsers): string | undefined {
  if (looksBinary(head)) return undefined;
  const best = sniffAll(head, fileName, registry)[0];
  return best && best.score >= MIN_CONFIDENCE ? best.format : undefined;
}

/** NUL bytes or mostly undecodable bytes: an archive, an image, a core dump, not a report. */
export function looksBinary(head: string): boolean {
  const sample = head.slice(0, 8192);
  if (sample.length === 0) return false;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 27 && c !== 12)) bad++;
  }
  return bad / sample.length > 0.1;
}
