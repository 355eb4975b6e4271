const { toFahrenheit } = require('./temperature');
test('freezing', () => expect(toFahrenheit(0)).toBe(32));
test('minus forty', () => expect(toFahrenheit(-40)).toBe(-40));
