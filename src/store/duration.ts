import { UsageError } from '../errors.js';

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/**
 * Parses "90d", "12h", "2w", "30m" into milliseconds. Hand-written: five lines, and the accepted
 * forms are part of the CLI's documented surface, so we do not want a library's wider grammar.
 */
export function parseDuration(text: string, flag = 'duration'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([mhdw])\s*$/i.exec(text);
  if (!m) {
    throw new UsageError(`${flag}: '${text}' is not a duration`, {
      code: 'E_BAD_DURATION',
      hint: 'Use a number and a unit: 30m, 12h, 30d or 2w.',
    });
  }
  return Math.round(Number(m[1]) * UNIT_MS[m[2]!.toLowerCase()]!);
}

/** The ISO-8601 instant `duration` before `now`. */
export function isoBefore(duration: string, now = Date.now(), flag?: string): string {
  return new Date(now - parseDuration(duration, flag)).toISOString();
}
