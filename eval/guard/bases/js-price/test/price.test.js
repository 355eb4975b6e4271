const { cents, format } = require('../src/price');

test('cents', () => {
  expect(cents('$1.50')).toBe(150);
  expect(() => cents('1.5')).toThrow('not a price');
});

test('format', () => {
  expect(format(150)).toBe('$1.50');
});
