import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema, type SutureConfigInput } from '../../config/schema.js';
import { EnvironmentError } from '../../errors.js';
import { detectPlan } from './plan.js';
import { makeRepo } from './test-repo.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());
const config = (c: SutureConfigInput = {}) => configSchema.parse(c);
async function plan(files: Record<string, string | object>, c?: SutureConfigInput) {
  const repo = makeRepo(files);
  cleanup = repo.cleanup;
  return detectPlan(repo.root, config(c));
}
const summary = (p: Awaited<ReturnType<typeof plan>>) =>
  Object.fromEntries(p.packages.map((pkg) => [pkg.dir, [...pkg.suites.map((s) => s.runner), ...pkg.checks.map((c) => `check:${c.id}`)]]));

describe('detectPlan', () => {
  it('finds every package of the monorepo fixture and its framework', async () => {
    const root = fileURLToPath(new URL('../../../test/fixtures/projects/monorepo', import.meta.url));
    const p = await detectPlan(root, config());
    expect(p.root).toBe(root);
    expect(summary(p)).toEqual({
      'crates/core': ['cargo', 'check:cargo-check'],
      infra: ['terraform'],
      'packages/api': ['jest'],
      'packages/web': ['vitest', 'check:tsc'],
      'services/pricing': ['go', 'check:go-build', 'check:go-vet'],
      'tools/report': ['pytest', 'check:compileall'],
    });
    const web = p.packages.find((x) => x.dir === 'packages/web')!;
    expect(web.name).toBe('@fixture/web');
    expect(web.suites[0]).toMatchObject({ detectedBy: 'package.json scripts.test runs "vitest run"', command: 'vitest run' });
    expect(web.checks[0]).toMatchObject({ kind: 'typecheck', command: 'tsc --noEmit -p tsconfig.json', detectedBy: 'tsconfig.json present, typescript installed' });
  });

  it('lets the test script decide between JavaScript runners known only as dependencies', async () => {
    const p = await plan({ 'package.json': { scripts: { test: 'jest --coverage' }, devDependencies: { jest: '1', vitest: '1', mocha: '1' } } });
    expect(summary(p)).toEqual({ '.': ['jest'] });
  });

  it('keeps a second runner that has its own config file', async () => {
    const p = await plan({ 'package.json': { scripts: { test: 'jest' }, devDependencies: { vitest: '1' } }, 'vitest.config.ts': 'export default {}' });
    expect(summary(p)).toEqual({ '.': ['vitest', 'jest'] });
  });

  it('lets a root vitest/jest config with projects run the members, instead of running them twice', async () => {
    const files = {
      'package.json': { workspaces: ['packages/*'], devDependencies: { vitest: '1' } },
      'vitest.config.ts': "export default { test: { projects: ['packages/*'] } };",
      'packages/a/package.json': { scripts: { test: 'vitest run' } },
      'packages/b/package.json': { scripts: { test: 'jest' } },
    };
    expect(summary(await plan(files))).toEqual({ '.': ['vitest'], 'packages/b': ['jest'] });
    const noProjects = { ...files, 'vitest.config.ts': 'export default {};' };
    expect(summary(await plan(noProjects))).toEqual({ '.': ['vitest'], 'packages/a': ['vitest'], 'packages/b': ['jest'] });
    const jestProjects = { 'package.json': { workspaces: ['packages/*'], jest: { projects: ['<rootDir>/packages/*'] } }, 'packages/b/package.json': { scripts: { test: 'jest' } } };
    expect(summary(await plan(jestProjects))).toEqual({ '.': ['jest'] });
  });

  it('falls back to npm test for an unknown runner, but not for npm\'s placeholder', async () => {
    expect(summary(await plan({ 'package.json': { scripts: { test: 'ava' } } }))).toEqual({ '.': ['command'] });
    expect(summary(await plan({ 'package.json': { scripts: { test: 'echo "Error: no test specified" && exit 1' } } }))).toEqual({});
  });

  it('detects node:test from the test script and keeps its flags', async () => {
    const p = await plan({ 'package.json': { scripts: { test: 'node --import tsx --test test/' } } });
    expect(p.packages[0]!.suites[0]).toMatchObject({ runner: 'node-test', command: 'node --test --import tsx test/', options: { args: ['--import', 'tsx', 'test/'] } });
  });

  it('detects checks: scripts by kind, tsc where no typecheck script exists, eslint where no lint script exists, never watch scripts', async () => {
    const p = await plan({
      'package.json': { scripts: { build: 'tsc -p .', lint: 'eslint src', dev: 'vite', 'build:watch': 'tsc -w' }, devDependencies: { typescript: '5' } },
      'pnpm-lock.yaml': '',
      'tsconfig.json': '{}',
      'eslint.config.js': 'export default []',
    });
    const checks = p.packages[0]!.checks;
    expect(checks.map((c) => [c.id, c.kind, c.command])).toEqual([
      ['script:build', 'build', 'pnpm run build'],
      ['script:lint', 'lint', 'pnpm run lint'],
      ['tsc', 'typecheck', 'tsc --noEmit -p tsconfig.json'],
    ]);
    const eslintOnly = await plan({ 'package.json': {}, 'eslint.config.js': 'export default []' });
    expect(eslintOnly.packages[0]!.checks.map((c) => c.command)).toEqual(['eslint . --format json']);
  });

  it('detects Python checks where configured', async () => {
    const p = await plan({ 'pyproject.toml': '[project]\nname = "x"\n\n[tool.ruff]\nline-length = 100\n\n[tool.mypy]\nstrict = true\n', 'setup.cfg': '[flake8]\nmax-line-length = 100\n', 'tests/test_x.py': '' });
    expect(summary(p)).toEqual({ '.': ['pytest', 'check:compileall', 'check:ruff', 'check:flake8', 'check:mypy'] });
  });

  it('narrows by config: packages, frameworks, checks by id or kind, checks off', async () => {
    const files = {
      'a/package.json': { scripts: { test: 'vitest', lint: 'eslint .' } },
      'b/go.mod': 'module b\n',
      'c/pyproject.toml': '[tool.pytest.ini_options]\n',
    };
    expect(summary(await plan(files, { runners: { packages: { exclude: ['c'] } } }))).toEqual({ a: ['vitest', 'check:script:lint'], b: ['go', 'check:go-build', 'check:go-vet'] });
    expect(summary(await plan(files, { runners: { frameworks: { include: ['go'] }, checks: { exclude: ['lint'] } } }))).toEqual({ b: ['go', 'check:go-build'], c: ['check:compileall'] });
    expect(summary(await plan(files, { runners: { checks: { enabled: false }, packages: { include: ['a', 'b'] } } }))).toEqual({ a: ['vitest'], b: ['go'] });
  });

  it('adds custom commands from suture.yml as suites or checks', async () => {
    const p = await plan({ 'README.md': '' }, {
      runners: {
        commands: [
          { id: 'bats', command: 'bats --formatter junit test > out/bats.xml', report: 'out/*.xml' },
          { id: 'shellcheck', dir: 'scripts', command: 'shellcheck *.sh', kind: 'lint' },
        ],
      },
    });
    expect(p.packages).toEqual([
      { dir: '.', suites: [{ runner: 'command', detectedBy: 'suture.yml runners.commands "bats"', command: 'bats --formatter junit test > out/bats.xml', options: { id: 'bats', report: 'out/*.xml', format: undefined, timeout_seconds: undefined } }], checks: [] },
      { dir: 'scripts', suites: [], checks: [expect.objectContaining({ id: 'command:shellcheck', kind: 'lint', command: 'shellcheck *.sh' })] },
    ]);
  });

  it('refuses a path that is not a directory', async () => {
    await expect(detectPlan('/definitely/not/here', config())).rejects.toBeInstanceOf(EnvironmentError);
    await expect(detectPlan('/definitely/not/here', config())).rejects.toMatchObject({ code: 'E_NOT_A_DIRECTORY' });
  });
});
