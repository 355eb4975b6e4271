import { existsSync } from 'node:fs';
import path from 'node:path';
import type { PlannedSuite } from '../../events/index.js';
import { dig, type PackageInfo } from '../detect/package-info.js';
import { resolvePython } from '../exec/bin.js';
import { displayCommand } from '../exec/display.js';
import { fromPackage } from '../shared/js.js';
import type { Runner, SuiteContext, TestRef } from '../types.js';
import { nodeId } from './node-id.js';

const REQUIREMENTS = ['requirements.txt', 'requirements-dev.txt', 'requirements_dev.txt', 'dev-requirements.txt', 'requirements-test.txt', 'test-requirements.txt'];

function iniSection(pkg: PackageInfo, file: string, section: string): boolean {
  return new RegExp(`^\\[${section.replace(/[.:]/g, '\\$&')}\\]`, 'm').test(pkg.read(file) ?? '');
}

const PROJECT_MARKERS = ['pyproject.toml', 'setup.py', 'setup.cfg', 'pytest.ini', 'tox.ini'];

function insideNestedProject(pkg: PackageInfo, file: string): boolean {
  const parts = file.split('/').slice(0, -1);
  for (let i = 1; i <= parts.length; i++) {
    const dir = path.join(pkg.abs, ...parts.slice(0, i));
    if (PROJECT_MARKERS.some((m) => existsSync(path.join(dir, m)))) return true;
  }
  return false;
}

/** Why pytest runs this package's tests: its config, a dependency on it, or test files named for it. */
async function evidence(pkg: PackageInfo): Promise<string | null> {
  if (pkg.has('pytest.ini')) return 'pytest.ini present';
  if (dig(pkg.pyproject, 'tool', 'pytest') !== undefined) return 'pyproject.toml [tool.pytest.ini_options]';
  if (iniSection(pkg, 'setup.cfg', 'tool:pytest')) return 'setup.cfg [tool:pytest]';
  if (iniSection(pkg, 'tox.ini', 'pytest')) return 'tox.ini [pytest]';
  if (pkg.has('conftest.py')) return 'conftest.py present';
  const py = pkg.pyproject;
  const declared = JSON.stringify([dig(py, 'project', 'optional-dependencies'), dig(py, 'dependency-groups'), dig(py, 'tool', 'poetry')]);
  if (/"pytest\b/.test(declared)) return 'pytest declared in pyproject.toml';
  const req = REQUIREMENTS.find((f) => /^pytest\b/m.test(pkg.read(f) ?? ''));
  if (req) return `pytest in ${req}`;
  // Test files that belong to a nested Python project are that project's, not this package's.
  const files = (await pkg.glob(['**/test_*.py', '**/*_test.py'], 4)).filter((f) => !insideNestedProject(pkg, f));
  if (files.length) return `${files.length} test file(s) named test_*.py / *_test.py (e.g. ${files.sort()[0]})`;
  return null;
}

async function detect(pkg: PackageInfo): Promise<PlannedSuite | null> {
  const pythonMarkers = ['pyproject.toml', 'setup.py', 'setup.cfg', 'pytest.ini', 'tox.ini', 'conftest.py'];
  // Below the root a directory is a Python project by its manifest; the root also by its test files alone.
  if (pkg.dir !== '.' && !pythonMarkers.some((m) => pkg.has(m))) return null;
  const why = await evidence(pkg);
  return why ? { runner: 'pytest', detectedBy: why, command: 'python3 -m pytest' } : null;
}

const python = (ctx: SuiteContext) => resolvePython(ctx.pkgAbs, ctx.root) ?? 'python3';
const report = (ctx: SuiteContext) => path.join(ctx.reportDir, 'pytest.junit.xml');
// xunit1 keeps file= and line= on every testcase; no cache dir or bytecode is written into the project.
const reporters = (ctx: SuiteContext) => [`--junitxml=${report(ctx)}`, '-o', 'junit_family=xunit1', '-p', 'no:cacheprovider'];
const env = { PYTHONDONTWRITEBYTECODE: '1', PY_COLORS: '0' };

export const pytest: Runner = {
  id: 'pytest',
  label: 'pytest',
  detect,
  fullRun: (ctx) => ({
    argv: [python(ctx), '-m', 'pytest', ...reporters(ctx)],
    cwd: ctx.pkgAbs,
    env,
    reports: [{ path: report(ctx) }],
    okExitCodes: [5],
    tool: 'pytest',
    installHint: 'pip install pytest',
  }),
  targetedRun: (ctx, tests) => ({
    argv: [python(ctx), '-m', 'pytest', ...reporters(ctx), ...new Set(tests.map((t) => nodeId(t, ctx.pkgDir)))],
    cwd: ctx.pkgAbs,
    env,
    reports: [{ path: report(ctx) }],
    tool: 'pytest',
  }),
  reproCommand: (ctx, test: TestRef) => displayCommand([python(ctx), '-m', 'pytest', nodeId(test, ctx.pkgDir)], ctx.pkgAbs, ctx.root),
};

