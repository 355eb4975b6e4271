import { describe, expect, it } from 'vitest';
import { hasTrailer, parseTrailers } from './trailer.js';

describe('commit trailers', () => {
  it('reads trailers from the last paragraph only', () => {
    const msg = 'fix: null check in cart total\n\nBody mentions Suture-Fix: in prose.\n\nSuture-Fix: fp1:3f9a\nSigned-off-by: A <a@b.c>\n';
    expect(parseTrailers(msg)).toEqual([{ key: 'Suture-Fix', value: 'fp1:3f9a' }, { key: 'Signed-off-by', value: 'A <a@b.c>' }]);
    expect(hasTrailer(msg, 'suture-fix')).toBe(true);
  });

  it('does not treat a subject line or a prose paragraph as trailers', () => {
    expect(hasTrailer('Suture-Fix: fp1:3f9a', 'Suture-Fix')).toBe(false);
    expect(hasTrailer('subject\n\nThis is prose. Suture-Fix: x\n', 'Suture-Fix')).toBe(false);
  });
});
