import { Cart } from './cart.js';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

interface CartPayload {
  lines: Array<{ sku: string; price: number; qty: number }>;
}

export async function fetchCart(baseUrl: string, id: string): Promise<Cart> {
  let payload: CartPayload;
  try {
    const res = await fetch(`${baseUrl}/carts/${encodeURIComponent(id)}`);
    if (!res.ok) throw new ApiError(`cart ${id}: HTTP ${res.status}`, res.status);
    payload = (await res.json()) as CartPayload;
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError(`cart ${id}: ${(err as Error).message}`, 0);
  }
  const cart = new Cart();
  for (const l of payload.lines) cart.add(l.sku, l.price, l.qty);
  return cart;
}

export function saveCart(baseUrl: string, id: string, cart: Cart): Promise<void> {
  return fetch(`${baseUrl}/carts/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: JSON.stringify({ lines: cart.summary() }),
  }).then((res) => {
    if (!res.ok) throw new ApiError(`save ${id}: HTTP ${res.status}`, res.status);
  });
}
