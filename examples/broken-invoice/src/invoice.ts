import { roundCents } from './money';
import { vatFor } from './tax';

export interface InvoiceLine {
  description: string;
  quantity: number;
  unitPrice: number;
}

export interface Invoice {
  country: string;
  lines: InvoiceLine[];
}

export function calculateSubtotal(lines: InvoiceLine[]): number {
  return roundCents(lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0));
}

export function invoiceTotal(invoice: Invoice): number {
  const subtotal = calculateSubtotl(invoice.lines);
  return roundCents(subtotal + vatFor(invoice.country, subtotal));
}
