import fs from 'node:fs';
import { expect, test } from 'vitest';
import { fetchWithRetry } from './net.js';

// Simulates a race with a slow service: the first run in a checkout loses it, later runs win.
function firstRunLoses() {
  const f = '.flaky-count';
  const n = fs.existsSync(f) ? Number(fs.readFileSync(f, 'utf8')) : 0;
  fs.writeFileSync(f, String(n + 1));
  return n % 2 === 0;
}

test('fetches eventually', async () => {
  const slow = firstRunLoses();
  expect(await fetchWithRetry(slow ? 50 : 1, 10)).toBe('ok');
});
test('stable', () => expect(1 + 1).toBe(2));
