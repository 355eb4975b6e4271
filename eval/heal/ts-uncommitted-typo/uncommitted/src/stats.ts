export function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
export function range(values: number[]): number {
  const highest = Math.max(...values);
  const lowest = Math.min(...values);
  return higest - lowest;
}
