export function formatMony(cents: number): string {
  return `${(cents / 100).toFixed(2)} EUR`;
}
