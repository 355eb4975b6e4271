/** Member discount first, then the voucher, never below zero. */
export function finalPrice(price: number, memberPercent: number, voucher: number): number {
  const afterVoucher = Math.max(0, price - voucher);
  return Math.round(afterVoucher * (1 - memberPercent / 100) * 100) / 100;
}
