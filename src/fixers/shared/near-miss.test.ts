import { describe, expect, it } from 'vitest';
import { editDistance, uniqueNearMiss } from './near-miss.js';

describe('editDistance', () => {
  it('counts insertions, substitutions and adjacent transpositions as one edit', () => {
    expect(editDistance('countr', 'counter')).toBe(1);
    expect(editDistance('heigth', 'height')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('uniqueNearMiss', () => {
  it('returns the unique closest name and prefers a case-only difference', () => {
    expect(uniqueNearMiss('countr', ['counter', 'county_x', 'total'])).toEqual({ ok: true, name: 'counter', distance: 1 });
    expect(uniqueNearMiss('userid', ['userId', 'userIds'])).toMatchObject({ ok: true, name: 'userId' });
  });

  it('refuses ties and names that are too far', () => {
    expect(uniqueNearMiss('valx', ['val1', 'val2'])).toMatchObject({ ok: false, reason: expect.stringMatching(/ambiguous/) });
    expect(uniqueNearMiss('abc', ['xyz'])).toMatchObject({ ok: false });
    expect(uniqueNearMiss('ab', ['ac'])).toMatchObject({ ok: false });
  });
});
