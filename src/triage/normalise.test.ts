import { describe, expect, it } from 'vitest';
import { messageHead, normaliseMessage } from './normalise.js';

describe('normaliseMessage', () => {
  it('replaces run-specific parameters and keeps identifiers', () => {
    const a = normaliseMessage("Error: ENOENT: no such file or directory, open '/home/runner/work/app/app/config/settings.json'");
    const b = normaliseMessage("Error: ENOENT: no such file or directory, open '/builds/acme/app/config/settings.json'");
    expect(a).toBe(b);
    expect(a).toBe("Error: ENOENT: no such file or directory, open '<path>/settings.json'");
  });

  it('normalises numbers, hex, hashes, uuids, urls, timestamps and ips but not error codes', () => {
    expect(normaliseMessage('error TS2339 at 2024-03-01T12:00:01.123Z after 5000 ms id 3f9a2b1c4d 0x7ffe12ab 123e4567-e89b-12d3-a456-426614174000 https://registry.npmjs.org/x 127.0.0.1:5432')).toBe(
      'error TS2339 at <ts> after <n> ms id <hash> <hex> <uuid> <url> <ip>',
    );
  });

  it('keeps quoted identifiers and replaces quoted data values', () => {
    expect(normaliseMessage("Cannot find name 'fetchWallet'.")).toBe("Cannot find name 'fetchWallet'.");
    expect(normaliseMessage("expected 'abc 123' to equal 'def-9912'")).toBe("expected '<str>' to equal '<str>'");
  });

  it('strips colours and collapses whitespace; the head keeps the first lines', () => {
    expect(normaliseMessage('\u001b[31mFAIL\u001b[39m   a  b\n\n  c')).toBe('FAIL a b\nc');
    expect(messageHead('first 1\nsecond 2\nthird 3', 2)).toBe('first <n>\nsecond <n>');
  });
});
