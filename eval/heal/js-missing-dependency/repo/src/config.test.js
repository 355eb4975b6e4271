import { expect, test } from 'vitest';
import { readConfig } from './config.js';
test('reads yaml', () => expect(readConfig('retries: 5\nname: x\n')).toEqual({ retries: 5, name: 'x' }));
