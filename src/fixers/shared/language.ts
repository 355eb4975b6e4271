/** Source language of a file by extension, for lexing and for choosing a fixer's strategy. */
export type SourceLang = 'js' | 'python' | 'go' | 'rust' | 'other';

export function languageOf(file: string): SourceLang {
  if (/\.(?:[cm]?[jt]sx?)$/.test(file)) return 'js';
  if (file.endsWith('.py')) return 'python';
  if (file.endsWith('.go')) return 'go';
  if (file.endsWith('.rs')) return 'rust';
  return 'other';
}

/** Test files by the conventions of the common frameworks (used to pick devDependencies, skip test hunks). */
export function isTestFile(file: string): boolean {
  const f = file.replace(/\\/g, '/');
  return (
    /(^|\/)(__tests__|tests?|spec|e2e)\//.test(f) ||
    /\.(test|spec)\.[cm]?[jt]sx?$/.test(f) ||
    /(^|\/)test_[^/]*\.py$/.test(f) ||
    /_test\.(py|go)$/.test(f) ||
    /(^|\/)conftest\.py$/.test(f)
  );
}
