import { percentOf, type Cents } from './money.js';

export interface Line {
  sku: string;
  price: Cents;
  qty: number;
}

export interface Coupon {
  code: string;
  percent: number;
  minTotal: Cents;
}

export class Cart {
  private readonly lines = new Map<string, Line>();

  add(sku: string, price: Cents, qty = 1): void {
    if (qty <= 0) throw new RangeError(`quantity must be positive: ${qty}`);
    const existing = this.lines.get(sku);
    if (existing) {
      existing.qty += qty;
    } else {
      this.lines.set(sku, { sku, price, qty });
    }
  }

  remove(sku: string): boolean {
    return this.lines.delete(sku);
  }

  count(): number {
    let n = 0;
    for (const line of this.lines.values()) n += line.qty;
    return n;
  }

  subtotal(): Cents {
    let sum = 0;
    for (const line of this.lines.values()) sum += line.price * line.qty;
    return sum;
  }

  total(coupon?: Coupon): Cents {
    const sub = this.subtotal();
    if (!coupon || sub < coupon.minTotal) return sub;
    return sub - percentOf(sub, coupon.percent);
  }

  summary(): string[] {
    return [...this.lines.values()].map((l) => `${l.qty} x ${l.sku}`);
  }
}
