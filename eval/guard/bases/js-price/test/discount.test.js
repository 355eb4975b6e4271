const { discount } = require('../src/price');

test('discount', () => {
  expect(discount(1000, 0.1)).toBe(900);
  expect(() => discount(1000, 2)).toThrow(RangeError);
});
