const VAT_RATES: Record<string, number> = { DE: 0.19, FR: 0.2, NL: 0.21 };

export function vatRate(country: string): number {
  const rate = VAT_RATES[country];
  if (rate === undefined) throw new Error(`no VAT rate for ${country}`);
  return rate;
}

export function vatFor(country: string, amount: number): number {
  return roundCents(amount * vatRate(country));
}
