import assert from 'node:assert/strict';
import { test } from 'node:test';
import { displayName } from '../src/user.js';

test('display name', () => {
  assert.equal(displayName('Ada', 'ada@example.com'), 'Ada <ada@example.com>');
});
