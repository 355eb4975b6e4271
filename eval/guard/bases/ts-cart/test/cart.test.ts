import { describe, expect, it } from 'vitest';
import { Cart } from '../src/cart.js';

describe('Cart', () => {
  it('adds lines and merges quantities', () => {
    const cart = new Cart();
    cart.add('apple', 50, 2);
    cart.add('apple', 50);
    expect(cart.count()).toBe(3);
    expect(cart.subtotal()).toBe(150);
  });

  it('rejects a non-positive quantity', () => {
    const cart = new Cart();
    expect(() => cart.add('apple', 50, 0)).toThrow(RangeError);
  });

  it('removes a line', () => {
    const cart = new Cart();
    cart.add('pear', 80);
    expect(cart.remove('pear')).toBe(true);
    expect(cart.count()).toBe(0);
  });

  it('applies a coupon above its minimum', () => {
    const cart = new Cart();
    cart.add('tv', 20_000);
    expect(cart.total({ code: 'BIG20', percent: 20, minTotal: 10_000 })).toBe(16_000);
    expect(cart.total({ code: 'HUGE', percent: 50, minTotal: 50_000 })).toBe(20_000);
  });

  it('summarises lines', () => {
    const cart = new Cart();
    cart.add('apple', 50, 2);
    cart.add('pear', 80);
    expect(cart.summary()).toMatchSnapshot();
  });
});
