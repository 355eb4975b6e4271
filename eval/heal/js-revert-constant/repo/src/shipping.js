export const FREE_SHIPPING_FROM = 50;
export const FLAT_RATE = 4.95;

export function shippingFor(subtotal) {
  return subtotal >= FREE_SHIPPING_FROM ? 0 : FLAT_RATE;
}
