import picomatch from 'picomatch';

export type Lang = 'ts' | 'js' | 'python' | 'go' | 'rust' | 'java' | 'other';

const BY_EXT: Record<string, Lang> = {
  ts: 'ts', tsx: 'ts', mts: 'ts', cts: 'ts',
  js: 'js', jsx: 'js', mjs: 'js', cjs: 'js',
  py: 'python', pyi: 'python',
  go: 'go',
  rs: 'rust',
  java: 'java', kt: 'java',
};

export function langOf(path: string): Lang {
  const m = /\.([A-Za-z0-9]+)$/.exec(path);
  return (m && BY_EXT[m[1]!.toLowerCase()]) || 'other';
}

export function isJsLike(lang: Lang): lang is 'ts' | 'js' {
  return lang === 'ts' || lang === 'js';
}

const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** Each language's own conventions for where tests live. */
const CONVENTIONS: Record<Lang, (p: string) => boolean> = {
  ts: jsTest,
  js: jsTest,
  python: (p) => /^test_.*\.py$|_test\.py$|^conftest\.py$/.test(base(p)) || /(^|\/)tests?\//.test(p),
  go: (p) => p.endsWith('_test.go'),
  rust: (p) => /(^|\/)tests\//.test(p),
  java: (p) => /(^|\/)src\/test\//.test(p) || /(Test|Tests|IT)\.(java|kt)$/.test(base(p)),
  other: () => false,
};

function jsTest(p: string): boolean {
  return /\.(test|spec)\.[cm]?[jt]sx?$/.test(p) || /(^|\/)(__tests__|tests?|spec|e2e)\//.test(p);
}

/** True for files that hold tests (or test setup such as conftest.py), by convention or `guard.test_globs`. */
export function makeTestFileMatcher(extraGlobs: string[]): (path: string) => boolean {
  const extra = extraGlobs.length > 0 ? picomatch(extraGlobs, { dot: true }) : () => false;
  return (p) => extra(p) || CONVENTIONS[langOf(p)](p);
}
