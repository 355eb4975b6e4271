import { escapeRegExp, shellJoin } from '../../util/shell.js';

/**
 * Commands that re-run exactly one test, printed so they can be pasted. Paths are relative to the
 * directory the runner was started in (the workspace package, when there is one); `cd` is prepended then.
 */
function inPackage(pkg: string | undefined, argv: string[]): string {
  return pkg ? `cd ${shellJoin([pkg])} && ${shellJoin(argv)}` : shellJoin(argv);
}

/** Path of a repository-relative file as seen from the package directory. */
export function fromPackage(file: string, pkg: string | undefined): string {
  return pkg && file.startsWith(`${pkg}/`) ? file.slice(pkg.length + 1) : file;
}

const exact = (name: string): string => `^${escapeRegExp(name)}$`;

export const repro = {
  /** jest -t matches the full name: describe titles and the test title joined by spaces. */
  jest: (file: string, fullName: string, pkg?: string) => inPackage(pkg, ['npx', 'jest', fromPackage(file, pkg), '-t', exact(fullName)]),
  jestFile: (file: string, pkg?: string) => inPackage(pkg, ['npx', 'jest', fromPackage(file, pkg)]),
  vitest: (file: string, fullName: string, pkg?: string) => inPackage(pkg, ['npx', 'vitest', 'run', fromPackage(file, pkg), '-t', exact(fullName)]),
  vitestFile: (file: string, pkg?: string) => inPackage(pkg, ['npx', 'vitest', 'run', fromPackage(file, pkg)]),
  /** mocha --grep matches fullTitle(), the same space-joined path. */
  mocha: (file: string, fullTitle: string, pkg?: string) => inPackage(pkg, ['npx', 'mocha', fromPackage(file, pkg), '--grep', exact(fullTitle)]),
  /** Every test under a suite title (a failing hook re-runs with its suite). */
  mochaSuite: (file: string, suiteTitle: string, pkg?: string) => inPackage(pkg, ['npx', 'mocha', fromPackage(file, pkg), '--grep', `^${escapeRegExp(suiteTitle)} `]),
  mochaFile: (file: string, pkg?: string) => inPackage(pkg, ['npx', 'mocha', fromPackage(file, pkg)]),
  /** node --test-name-pattern matches a test's own name; suites match and run all their tests. */
  nodeTest: (file: string, name: string, pkg?: string) => inPackage(pkg, ['node', '--test', `--test-name-pattern=${exact(name)}`, fromPackage(file, pkg)]),
  /** go -run takes one anchored regex per level of subtest, split on "/". */
  go: (target: string, testName: string) => shellJoin(['go', 'test', target, '-run', goRunPattern(testName), '-count=1']),
  goPackage: (target: string) => shellJoin(['go', 'test', target, '-count=1']),
  /** A node id (`tests/test_x.py::TestA::test_b[1]`), repository- or package-relative; run from the package. */
  pytest: (nodeid: string, pkg?: string) => inPackage(pkg, ['python3', '-m', 'pytest', fromPackage(nodeid, pkg)]),
  tsc: (tsconfig: string, pkg?: string) => inPackage(pkg, ['npx', 'tsc', '--noEmit', '-p', tsconfig]),
  eslint: (file: string, pkg?: string) => inPackage(pkg, ['npx', 'eslint', fromPackage(file, pkg)]),
  rspec: (file: string, line?: number) => shellJoin(['bundle', 'exec', 'rspec', line ? `${file}:${line}` : file]),
  dart: (file: string, name: string) => shellJoin(['dart', 'test', file, '--plain-name', name]),
};

/** What to name a Go package on the command line: `./dir` from the module root, else its import path. */
export function goTarget(dir: string | undefined, importPath: string | undefined): string {
  if (dir !== undefined) return dir === '.' ? '.' : `./${dir}`;
  return importPath ?? '.';
}

/** "TestDivide/by_zero" becomes '^TestDivide$/^by_zero$' (go splits -run on unbracketed slashes). */
export function goRunPattern(testName: string): string {
  return testName
    .split('/')
    .map((part) => `^${escapeRegExp(part)}$`)
    .join('/');
}
