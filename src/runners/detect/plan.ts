import { statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import type { PlannedCheck, PlannedPackage, PlannedSuite, TestPlan } from '../../events/index.js';
import type { SutureConfig } from '../../config/schema.js';
import { EnvironmentError } from '../../errors.js';
import { checkDetectors } from '../checks/index.js';
import { makeCheck } from '../checks/spec.js';
import { JS_RUNNERS, runners } from '../registry.js';
import { discoverPackages } from './discover.js';
import type { PackageInfo } from './package-info.js';

/** npm's placeholder test script: not a test suite. */
const NPM_DEFAULT_TEST = /no test specified/;

/** A one-line error (exit 4) when the path given as repository root is not a directory. */
export function assertDirectory(root: string): void {
  let isDir = false;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    throw new EnvironmentError(`${root} is not a directory`, { code: 'E_NOT_A_DIRECTORY', hint: 'Pass the repository root: suture detect <dir>.' });
  }
}

const evidenceOf = (s: PlannedSuite) => s.options?.evidence as string | undefined;

/** Keeps what a filter allows: include (empty = all) then exclude, matched as globs or exact ids. */
function allowed(value: string, filter: { include: string[]; exclude: string[] }, alias: string[] = []): boolean {
  const candidates = [value, ...alias];
  const match = (globs: string[]) => globs.some((g) => candidates.some((c) => c === g || picomatch(g, { dot: true })(c)));
  return (filter.include.length === 0 || match(filter.include)) && !match(filter.exclude);
}

async function suitesOf(pkg: PackageInfo, config: SutureConfig): Promise<PlannedSuite[]> {
  const found: PlannedSuite[] = [];
  for (const runner of runners) {
    if (!allowed(runner.id, config.runners.frameworks)) continue;
    const suite = await runner.detect(pkg);
    if (suite) found.push(suite);
  }
  // The test script names one JavaScript runner: others known only from a dependency are not this package's suite.
  const js = found.filter((s) => JS_RUNNERS.has(s.runner));
  const scripted = js.some((s) => evidenceOf(s) === 'script');
  let suites = found.filter((s) => !(scripted && JS_RUNNERS.has(s.runner) && evidenceOf(s) === 'dependency'));
  const testScript = pkg.packageJson?.scripts?.test;
  if (!suites.some((s) => JS_RUNNERS.has(s.runner)) && testScript && !NPM_DEFAULT_TEST.test(testScript) && allowed('command', config.runners.frameworks)) {
    suites = [...suites, { runner: 'command', detectedBy: `package.json scripts.test ("${testScript}") runs no runner suture knows: its exit code decides`, command: 'npm test', options: { evidence: 'script' } }];
  }
  return suites;
}

function checksOf(pkg: PackageInfo, config: SutureConfig): Promise<PlannedCheck[]> {
  const c = config.runners.checks;
  if (!c.enabled) return Promise.resolve([]);
  return Promise.all(checkDetectors.map((d) => d.detect(pkg))).then((all) => all.flat().filter((ch) => allowed(ch.id, c, [ch.kind])));
}

/**
 * What to run in the repository at `root`: every package (workspaces, nested modules and projects)
 * with its test suites (one per framework) and checks (build, typecheck, lint), and why each was
 * chosen. Pure reading: nothing in the repository is written.
 */
export async function detectPlan(root: string, config: SutureConfig): Promise<TestPlan> {
  const absRoot = path.resolve(root);
  assertDirectory(absRoot);
  const rc = config.runners;
  const infos = await discoverPackages(absRoot, { maxDepth: rc.max_depth, ignore: rc.ignore });
  const packages: PlannedPackage[] = [];
  for (const info of infos) {
    const pkg: PlannedPackage = { dir: info.dir, suites: await suitesOf(info, config), checks: await checksOf(info, config) };
    if (info.name) pkg.name = info.name;
    packages.push(pkg);
  }
  dropRootDuplicates(packages);
  dropProjectMembers(packages, infos.find((i) => i.dir === '.'));
  addCustomCommands(packages, config);
  const kept = packages.filter((p) => allowed(p.dir, rc.packages, p.name ? [p.name] : []) && (p.suites.length > 0 || p.checks.length > 0));
  return { root: absRoot, packages: kept };
}

/**
 * A workspace root whose members have their own suites: a root suite known only from a (hoisted)
 * dependency, or the root's `npm test` fan-out, would run the members' tests a second time.
 */
function dropRootDuplicates(packages: PlannedPackage[]): void {
  const root = packages.find((p) => p.dir === '.');
  if (!root) return;
  const memberRunners = new Set(packages.filter((p) => p !== root).flatMap((p) => p.suites.map((s) => s.runner)));
  if (memberRunners.size === 0) return;
  root.suites = root.suites.filter((s) => {
    if (s.runner === 'command' && s.command === 'npm test') return false;
    return !(JS_RUNNERS.has(s.runner) && evidenceOf(s) === 'dependency');
  });
}

/**
 * A root vitest/jest configuration that declares projects (vitest.workspace.*, `projects:` in the
 * config, jest's `projects`) runs the members' tests itself: the members' own suites of that runner go.
 */
function dropProjectMembers(packages: PlannedPackage[], rootInfo: PackageInfo | undefined): void {
  const root = packages.find((p) => p.dir === '.');
  if (!root || !rootInfo) return;
  const configText = (names: string[]) => names.map((n) => rootInfo.read(n) ?? '').join('\n');
  const vitestProjects =
    root.suites.some((s) => s.runner === 'vitest') &&
    (rootInfo.first(['vitest.workspace.ts', 'vitest.workspace.js', 'vitest.workspace.mts', 'vitest.workspace.json']) !== undefined ||
      /\b(projects|workspace)\s*:/.test(configText(['vitest.config.ts', 'vitest.config.mts', 'vitest.config.js', 'vitest.config.mjs'])));
  const jestProjects =
    root.suites.some((s) => s.runner === 'jest') &&
    ((rootInfo.packageJson?.jest as { projects?: unknown } | undefined)?.projects !== undefined ||
      /\bprojects\s*:/.test(configText(['jest.config.js', 'jest.config.ts', 'jest.config.mjs', 'jest.config.cjs'])));
  for (const p of packages) {
    if (p === root) continue;
    p.suites = p.suites.filter((s) => !(vitestProjects && s.runner === 'vitest') && !(jestProjects && s.runner === 'jest'));
  }
}

function addCustomCommands(packages: PlannedPackage[], config: SutureConfig): void {
  for (const c of config.runners.commands) {
    const dir = path.posix.normalize(c.dir.replace(/\\/g, '/')).replace(/\/$/, '') || '.';
    let pkg = packages.find((p) => p.dir === dir);
    if (!pkg) packages.push((pkg = { dir, suites: [], checks: [] }));
    const options = { id: c.id, report: c.report, format: c.format, timeout_seconds: c.timeout_seconds };
    if (c.kind === 'test') pkg.suites.push({ runner: 'command', detectedBy: `suture.yml runners.commands "${c.id}"`, command: c.command, options });
    else pkg.checks.push(makeCheck(`command:${c.id}`, c.kind, `suture.yml runners.commands "${c.id}"`, { argv: ['/bin/sh', '-c', c.command], resolve: 'shell', tool: 'sh' }, c.command));
  }
}
