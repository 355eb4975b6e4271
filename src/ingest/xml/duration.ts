/**
 * Durations as reports write them, to milliseconds: seconds (`0.012`), with thousands separators
 * (`1,234.5`), TRX/.NET time spans (`00:01:02.5000000`, `1.02:03:04.5`), or junk. Negative, missing and
 * unreadable durations come back undefined: a wrong number is worse than none.
 */
export function secondsToMs(seconds: number | undefined): number | undefined {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return undefined;
  return Math.round(seconds * 1e6) / 1e3;
}

export function parseSeconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (t === '') return undefined;
  if (t.includes(':')) return timeSpanMs(t);
  // "1,234.5" (thousands) vs "0,5" (decimal comma): a comma followed by exactly three digits is grouping.
  const normalised = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) ? t.replace(/,/g, '') : t.replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(normalised)) return undefined;
  return secondsToMs(Number(normalised));
}

/** `[d.]hh:mm:ss[.fffffff]` to milliseconds. */
export function timeSpanMs(text: string): number | undefined {
  const m = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(text.trim());
  if (!m) return undefined;
  const days = m[1] ? Number(m[1]) : 0;
  const seconds = days * 86400 + Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
  return secondsToMs(seconds);
}
