import { afterEach, describe, expect, it } from 'vitest';
import { discoverPackages, goWorkUses, matchGlobs } from './discover.js';
import { makeRepo } from './test-repo.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());
async function dirs(files: Record<string, string | object>, maxDepth = 4): Promise<string[]> {
  const repo = makeRepo(files);
  cleanup = repo.cleanup;
  return (await discoverPackages(repo.root, { maxDepth, ignore: [] })).map((p) => p.dir);
}

describe('discoverPackages', () => {
  it('takes npm/yarn workspaces as authoritative, honouring negations', async () => {
    expect(
      await dirs({
        'package.json': { workspaces: ['packages/*', '!packages/private'] },
        'packages/a/package.json': {},
        'packages/b/package.json': {},
        'packages/private/package.json': {},
        'docs/package.json': {},
      }),
    ).toEqual(['.', 'packages/a', 'packages/b']);
  });

  it('reads pnpm-workspace.yaml and the object form of workspaces', async () => {
    expect(await dirs({ 'package.json': {}, 'pnpm-workspace.yaml': 'packages:\n  - "apps/*"\n', 'apps/x/package.json': {}, 'libs/y/package.json': {} })).toEqual(['.', 'apps/x']);
    expect(await dirs({ 'package.json': { workspaces: { packages: ['libs/*'] } }, 'libs/y/package.json': {}, 'apps/x/package.json': {} })).toEqual(['.', 'libs/y']);
  });

  it('finds every package.json without declared workspaces, skipping dependencies and fixtures', async () => {
    expect(
      await dirs({
        'frontend/package.json': {},
        'node_modules/dep/package.json': {},
        'frontend/node_modules/x/package.json': {},
        'test/fixtures/app/package.json': {},
        'vendor/lib/package.json': {},
      }),
    ).toEqual(['frontend']);
  });

  it('uses go.work, else every go.mod', async () => {
    expect(await dirs({ 'go.work': 'go 1.19\n\nuse (\n\t./svc/a\n\t./svc/b // the billing one\n)\n', 'svc/a/go.mod': 'module a', 'svc/b/go.mod': 'module b', 'svc/c/go.mod': 'module c' })).toEqual(['svc/a', 'svc/b']);
    expect(await dirs({ 'svc/a/go.mod': 'module a', 'tools/go.mod': 'module t' })).toEqual(['svc/a', 'tools']);
  });

  it('lists each crate of a cargo workspace, not the virtual manifest', async () => {
    expect(
      await dirs({
        'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n',
        'crates/a/Cargo.toml': '[package]\nname = "a"\nversion = "0.1.0"\n',
        'crates/b/Cargo.toml': '[package]\nname = "b"\nversion = "0.1.0"\n',
      }),
    ).toEqual(['crates/a', 'crates/b']);
  });

  it('finds several Python projects and a lone conftest.py', async () => {
    expect(await dirs({ 'api/pyproject.toml': '[project]\nname="api"\n', 'etl/setup.py': '', 'api/tests/conftest.py': '', 'scripts/conftest.py': '' })).toEqual(['api', 'etl', 'scripts']);
  });

  it('runs Maven/Gradle from the top-most build only, and terraform per directory of .tf files', async () => {
    expect(await dirs({ 'pom.xml': '<project/>', 'core/pom.xml': '<project/>', 'infra/prod/main.tf': '', 'infra/modules/net/vars.tf': '', 'infra/.terraform/modules/x/main.tf': '' })).toEqual([
      '.',
      'infra/modules/net',
      'infra/prod',
    ]);
  });

  it('stops at max_depth', async () => {
    expect(await dirs({ 'a/b/c/d/e/package.json': {} }, 3)).toEqual([]);
    expect(await dirs({ 'a/b/c/package.json': {} }, 3)).toEqual(['a/b/c']);
  });
});

describe('helpers', () => {
  it('goWorkUses reads single and block forms', () => {
    expect(goWorkUses('use ./one\nuse (\n  ./two\n  "./three"\n)\n')).toEqual(['two', 'three', 'one']);
    expect(goWorkUses('use .\n')).toEqual(['.']);
  });

  it('matchGlobs applies negations after positives', () => {
    expect(matchGlobs(['.', 'p/a', 'p/b', 'q/c'], ['./p/*', '!p/b'])).toEqual(['p/a']);
  });
});
