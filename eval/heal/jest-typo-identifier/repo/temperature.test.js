const { toFahrenheit } = require('./temperature');

test('boiling point', () => {
  expect(toFahrenheit(100)).toBe(212);
});
