import { expect, test } from 'vitest';
import { toCelsius, toFahrenheit } from './temperature.js';
test('body', () => expect(toFahrenheit(37)).toBeCloseTo(98.6));
test('round trip', () => expect(toCelsius(toFahrenheit(21))).toBeCloseTo(21));
