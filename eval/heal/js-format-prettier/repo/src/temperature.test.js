import { expect, test } from 'vitest';
import { toCelsius, toFahrenheit } from './temperature.js';

test('boiling', () => expect(toFahrenheit(100)).toBe(212));
test('freezing', () => expect(toCelsius(32)).toBe(0));
