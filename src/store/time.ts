import { InputError } from '../errors.js';

export const DAY_MS = 86_400_000;

/** ISO-8601 instant to epoch milliseconds (the stored form). */
export function toMs(iso: string, what = 'timestamp'): number {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) {
    throw new InputError(`${what} '${iso}' is not an ISO-8601 instant`, { code: 'E_STORE_BAD_TIME', hint: 'Use e.g. 2026-01-31T12:00:00.000Z.' });
  }
  return ms;
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

export function optIso(ms: number | null | undefined): string | undefined {
  return ms == null ? undefined : toIso(ms);
}

/** UTC day number (days since the epoch) to YYYY-MM-DD. */
export function dayString(day: number): string {
  return toIso(day * DAY_MS).slice(0, 10);
}
