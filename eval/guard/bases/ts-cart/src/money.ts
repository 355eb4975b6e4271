/** Money is handled in integer cents to avoid floating point drift. */
export type Cents = number;

export function parsePrice(text: string): Cents {
  const m = /^\$?(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) {
    throw new RangeError(`not a price: ${text}`);
  }
  const whole = Number(m[1]);
  const frac = m[2] === undefined ? 0 : Number(m[2].padEnd(2, '0'));
  return whole * 100 + frac;
}

export function formatCents(c: Cents): string {
  const sign = c < 0 ? '-' : '';
  const abs = Math.abs(c);
  const dollars = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  return `${sign}$${dollars}.${rest}`;
}

export function percentOf(c: Cents, percent: number): Cents {
  return Math.round((c * percent) / 100);
}
