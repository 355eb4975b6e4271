const { slugify, truncate, unique } = require('../src/slug');

describe('slugify', () => {
  it.each([
    ['Hello World', 'hello-world'],
    ['  Crème brûlée  ', 'creme-brulee'],
    ['a--b__c', 'a-b-c'],
  ])('slugifies %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('uses a custom separator', () => {
    expect(slugify('Hello World', { separator: '_' })).toBe('hello_world');
  });

  it('rejects non-strings', () => {
    expect(() => slugify(42)).toThrow(TypeError);
  });
});

describe('truncate', () => {
  it('cuts at a separator', () => {
    expect(truncate('hello-big-world', 10, '-')).toBe('hello-big');
  });

  it('keeps short slugs', () => {
    expect(truncate('short', 10, '-')).toBe('short');
  });
});

describe('unique', () => {
  it('appends the first free number', () => {
    expect(unique('post', new Set(['post', 'post-2']))).toBe('post-3');
  });
});
