const BARS = '▁▂▃▄▅▆▇█';

/**
 * A one-line chart of a daily series. Hand-written (a dozen lines) rather than a dependency: we need
 * zero to read differently from "small", and long windows folded into `width` columns by summing.
 * Zero is the lowest bar; any non-zero value gets at least the second.
 */
export function sparkline(values: number[], width = 60): string {
  const cols = fold(values, width);
  const max = Math.max(0, ...cols);
  if (max === 0) return BARS[0]!.repeat(cols.length);
  return cols.map((v) => (v <= 0 ? BARS[0] : BARS[1 + Math.min(BARS.length - 2, Math.floor((v / max) * (BARS.length - 2)))])).join('');
}

/** Sums neighbouring values so the series fits `width` columns (the oldest columns may hold fewer days). */
export function fold(values: number[], width: number): number[] {
  if (values.length <= width) return values;
  const per = Math.ceil(values.length / width);
  const out: number[] = [];
  // Align buckets to the end so the most recent column always holds the most recent days.
  for (let end = values.length; end > 0; end -= per) out.unshift(values.slice(Math.max(0, end - per), end).reduce((a, b) => a + b, 0));
  return out;
}
