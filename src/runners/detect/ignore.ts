/**
 * Directories detection never looks into: dependencies, build output, caches, virtualenvs, and test
 * fixtures (a repository's fixture projects are data for its tests, not packages to run).
 */
export const DEFAULT_IGNORE_DIRS = [
  'node_modules', '.git', '.hg', '.svn', 'vendor', 'target', 'dist', 'build', 'out', '.venv', 'venv', '__pycache__',
  '.tox', '.nox', '.terraform', '.terragrunt-cache', 'testdata', 'fixtures', '__fixtures__', '.next', '.nuxt',
  'coverage', '.cache', '.gradle', '.mypy_cache', '.pytest_cache', '.ruff_cache', 'site-packages', 'bower_components',
];

export const DEFAULT_IGNORE = DEFAULT_IGNORE_DIRS.map((d) => `**/${d}/**`);
