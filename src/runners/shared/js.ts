import type { PlannedSuite } from '../../events/index.js';
import type { PackageInfo } from '../detect/package-info.js';
import { resolveBin } from '../exec/bin.js';
import type { SuiteContext } from '../types.js';

/** How sure detection is: the test script names the tool > a config file > only a dependency. */
export type Evidence = 'script' | 'config' | 'dependency';

export interface JsToolSignals {
  /** Matches a script that runs the tool ("vitest", "jest --ci"). */
  script: RegExp;
  configs: readonly string[];
  deps: readonly string[];
  /** package.json keys that configure it ("jest", "mocha"). */
  packageKeys?: readonly string[];
}

/** Why a JavaScript test tool belongs to a package, or null. */
export function jsEvidence(pkg: PackageInfo, signals: JsToolSignals): { detectedBy: string; evidence: Evidence } | null {
  const pj = pkg.packageJson;
  if (!pj) return null;
  const testScript = pj.scripts?.test;
  if (testScript && signals.script.test(testScript)) return { detectedBy: `package.json scripts.test runs "${testScript}"`, evidence: 'script' };
  const config = pkg.first(signals.configs);
  if (config) return { detectedBy: `${config} present`, evidence: 'config' };
  for (const key of signals.packageKeys ?? []) {
    if ((pj as Record<string, unknown>)[key] !== undefined) return { detectedBy: `"${key}" key in package.json`, evidence: 'config' };
  }
  const deps = pkg.nodeDependencies;
  const dep = signals.deps.find((d) => deps.has(d));
  if (dep) {
    const where = pj.devDependencies?.[dep] !== undefined ? 'devDependencies' : 'dependencies';
    return { detectedBy: `${dep} in ${where}`, evidence: 'dependency' };
  }
  return null;
}

export function jsSuite(runner: string, pkg: PackageInfo, signals: JsToolSignals, command: string): PlannedSuite | null {
  const ev = jsEvidence(pkg, signals);
  if (!ev) return null;
  return { runner, detectedBy: ev.detectedBy, command, options: { evidence: ev.evidence } };
}

/** The tool's binary as the package would run it, or the bare name (then spawn reports it missing). */
export function nodeBin(ctx: SuiteContext, name: string): string {
  return resolveBin(name, ctx.pkgAbs) ?? name;
}

/** A repository-relative file as seen from the package directory (where the runner starts). */
export function fromPackage(file: string, pkgDir: string): string {
  return pkgDir !== '.' && file.startsWith(`${pkgDir}/`) ? file.slice(pkgDir.length + 1) : file;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The titles of a test, outermost first: results store the describe path as `suite` joined with " > ". */
export function titlePath(test: { suite?: string; name?: string }): string[] {
  const suite = test.suite ? test.suite.split(' > ') : [];
  return [...suite, test.name ?? ''].filter((t) => t !== '');
}

/**
 * An anchored regex for a test's full name as jest/vitest/mocha build it (titles joined by spaces).
 * `suite` holds the describe titles joined with " > "; a title that itself contains " > " cannot be
 * told from two titles, so that separator matches both spellings.
 */
export function fullNamePattern(test: { suite?: string; name?: string }): string {
  const suite = test.suite ? escapeRegExp(test.suite).replace(/ > /g, '(?: | > )') : '';
  const name = escapeRegExp(test.name ?? '');
  return `^${suite && name ? `${suite} ${name}` : suite || name}$`;
}

/** One pattern matching any of the tests' full names. */
export function anyOf(patterns: string[]): string {
  const unique = [...new Set(patterns)];
  return unique.length === 1 ? unique[0]! : unique.map((p) => `(?:${p})`).join('|');
}

/** The id parsers give a test file that failed to load or crashed outside any test. */
export const FILE_PLACEHOLDER = '(test file)';

/**
 * The `-t` name filter for a targeted run. A file-level placeholder has no test of that name: filtering
 * by it would skip the file's real tests, so with one in the set the listed files run whole.
 */
export function nameFilter(tests: { name?: string; suite?: string; file?: string }[]): string[] {
  if (tests.some((t) => t.name === FILE_PLACEHOLDER && t.file)) return [];
  return ['-t', anyOf(tests.map(fullNamePattern))];
}

/** Unique files of the tests, relative to the package. */
export function testFiles(tests: { file?: string }[], pkgDir: string): string[] {
  return [...new Set(tests.flatMap((t) => (t.file ? [fromPackage(t.file, pkgDir)] : [])))];
}
