import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './json-error-offset.js';

describe('jsonErrorOffset', () => {
  it('returns -1 for valid JSON', () => {
    for (const ok of ['{}', '[]', ' {"a":[1,2.5e3,-0,"x\\u00e9\\n",true,false,null,{}]} ', '"s"', '3']) expect(jsonErrorOffset(ok)).toBe(-1);
  });

  it('points at the first bad character', () => {
    expect(jsonErrorOffset('{"a": [}')).toBe(7);
    expect(jsonErrorOffset('{"a":1,}')).toBe(7);
    expect(jsonErrorOffset('[1,]')).toBe(3);
    expect(jsonErrorOffset("{'a':1}")).toBe(1);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset('{"a":1} x')).toBe(8);
    expect(jsonErrorOffset('not json')).toBe(0);
  });

  it('returns the length for a document that ends early', () => {
    expect(jsonErrorOffset('{"a":[1,2')).toBe(9);
    expect(jsonErrorOffset('{"a":"unterminated')).toBe(18);
  });

  it('handles deep nesting without recursion', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(jsonErrorOffset(deep)).toBe(-1);
  });
});
