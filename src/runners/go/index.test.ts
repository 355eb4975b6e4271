import { describe, expect, it } from 'vitest';
import { packagePath, runPattern } from './index.js';

describe('go runner helpers', () => {
  it('anchors each subtest level for -run', () => {
    expect(runPattern('TestEdge/adds_zero')).toBe('^TestEdge$/^adds_zero$');
    expect(runPattern('TestA')).toBe('^TestA$');
    expect(runPattern('TestX/a.b(c)')).toBe('^TestX$/^a\\.b\\(c\\)$');
  });

  it('maps import paths to module-relative package paths', () => {
    expect(packagePath('example.com/m/calc', 'example.com/m')).toBe('./calc');
    expect(packagePath('example.com/m', 'example.com/m')).toBe('.');
    expect(packagePath('other.org/x', 'example.com/m')).toBe('other.org/x');
    expect(packagePath(undefined, 'example.com/m')).toBe('.');
  });
});
