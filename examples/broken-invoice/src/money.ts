/** Rounds an amount of money to whole cents (half away from zero). */
export function roundCents(amount: number): number {
  return Math.sign(amount) * Math.round(Math.abs(amount) * 100) / 100;
}

export function formatMoney(amount: number, currency = 'EUR'): string {
  return `${roundCents(amount).toFixed(2)} ${currency}`;
}
