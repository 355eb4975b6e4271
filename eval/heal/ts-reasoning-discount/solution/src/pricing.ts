/** Member discount first, then the voucher, never below zero. */
export function finalPrice(price: number, memberPercent: number, voucher: number): number {
  const afterMember = price * (1 - memberPercent / 100);
  return Math.round(Math.max(0, afterMember - voucher) * 100) / 100;
}
