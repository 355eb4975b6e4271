import assert from 'node:assert/strict';
import { test } from 'node:test';
import path from 'node:path';
const { displayName } = await import(path.resolve('src/user.js'));
test('another', () => assert.equal(displayName('Grace', 'g@x.org'), 'Grace <g@x.org>'));
