export interface Order { id: string; quantity: number; unitPrice: number }
export function orderValue(o: Order): number {
  return o.quantity * o.unitPrice;
}
