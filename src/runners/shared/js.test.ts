import { describe, expect, it } from 'vitest';
import { anyOf, fromPackage, fullNamePattern, nameFilter, testFiles, titlePath } from './js.js';

describe('test name filters', () => {
  it('builds the anchored full name jest/vitest/mocha match, escaping regex characters', () => {
    expect(fullNamePattern({ suite: 'calc > edge', name: 'adds (zero)?' })).toBe('^calc(?: | > )edge adds \\(zero\\)\\?$');
    expect(fullNamePattern({ name: 'top level' })).toBe('^top level$');
    expect(new RegExp(fullNamePattern({ suite: 'calc > edge', name: 'adds zero' })).test('calc edge adds zero')).toBe(true);
    // A describe title that itself contains " > " still matches.
    expect(new RegExp(fullNamePattern({ suite: 'a > b', name: 'c' })).test('a > b c')).toBe(true);
    expect(new RegExp(fullNamePattern({ suite: 'calc', name: 'adds' })).test('calc adds zero')).toBe(false);
  });

  it('joins several patterns into one alternation', () => {
    expect(anyOf(['^a$', '^b$', '^a$'])).toBe('(?:^a$)|(?:^b$)');
    expect(anyOf(['^a$'])).toBe('^a$');
  });

  it('splits the describe path', () => {
    expect(titlePath({ suite: 'a > b', name: 'c' })).toEqual(['a', 'b', 'c']);
  });

  it('makes files relative to the package the runner starts in', () => {
    expect(fromPackage('packages/web/test/a.test.ts', 'packages/web')).toBe('test/a.test.ts');
    expect(fromPackage('test/a.test.ts', '.')).toBe('test/a.test.ts');
    expect(testFiles([{ file: 'p/a.js' }, { file: 'p/a.js' }, {}, { file: 'p/b.js' }], 'p')).toEqual(['a.js', 'b.js']);
  });
});

describe('nameFilter', () => {
  it('filters by the full names, or runs the files whole when a file-level placeholder is among them', () => {
    expect(nameFilter([{ suite: 'calc', name: 'adds' }, { name: 'top' }])).toEqual(['-t', '(?:^calc adds$)|(?:^top$)']);
    expect(nameFilter([{ suite: 'calc', name: 'adds' }, { name: '(test file)', file: 'test/broken.test.ts' }])).toEqual([]);
  });
});
