import * as money from './money';
export function receiptLine(label: string, cents: number): string {
  return `${label}: ${money.formatMony(cents)}`;
}
