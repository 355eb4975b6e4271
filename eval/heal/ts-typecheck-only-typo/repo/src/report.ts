import type { Order } from './order';
export function describeOrder(o: Order): string {
  return `${o.id}: ${o.quantiy} x ${o.unitPrice}`;
}
