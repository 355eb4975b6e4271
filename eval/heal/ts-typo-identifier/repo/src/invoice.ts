export interface Line { qty: number; price: number }
export function calculateSubtotal(lines: Line[]): number {
  return lines.reduce((sum, l) => sum + l.qty * l.price, 0);
}
export function calculateShipping(subtotal: number): number {
  return subtotal >= 50 ? 0 : 4.95;
}
export function invoiceTotal(lines: Line[]): number {
  const subtotal = calculateSubtotl(lines);
  return subtotal + calculateShipping(subtotal);
}
