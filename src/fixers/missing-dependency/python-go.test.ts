import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixContext, fixtureSandboxes, run, type Worktree } from '../shared/testing/temp-repo.js';
import { buildLogEvents, goBuildEvents } from '../shared/testing/tool-events.js';
import { missingDependencyFixer } from './index.js';

const sandboxes = fixtureSandboxes();

const setup = (fixture: string): Worktree => sandboxes.open(fixture).wt;

describe('missing-dependency for Python (resolved through the local interpreter only)', () => {
  it('pins the installed distribution that provides the module in requirements.txt', async () => {
    const wt = setup('py-missing');
    // Without site-packages (as on a CI runner that installed only requirements.txt) the import fails.
    const crash = run('python3', ['-I', '-S', 'settings.py'], wt.dir);
    const events = buildLogEvents(crash.stderr, wt.dir, 'python');
    expect(events).toMatchObject([{ error_class: 'ModuleNotFoundError', message: "No module named 'iniconfig'" }]);
    const version = run('python3', ['-c', "import importlib.metadata as m; print(m.version('iniconfig'))"], wt.dir).stdout.trim();

    const result = await missingDependencyFixer.propose(fixContext(wt.dir, events));
    expect(result).toMatchObject({ kind: 'edited' });
    expect(wt.diff()).toBe(['diff --git a/requirements.txt b/requirements.txt', '--- a/requirements.txt', '+++ b/requirements.txt', '@@ -1 +1,2 @@', ' pytest>=7', `+iniconfig==${version}`, ''].join('\n'));
    // The pin is satisfiable offline by what is installed. (A dry run installs nothing; Debian's python3
    // refuses even that under PEP 668 unless told the environment may be touched.)
    const check = run('python3', ['-m', 'pip', 'install', '--no-index', '--dry-run', '-r', 'requirements.txt'], wt.dir, { PIP_BREAK_SYSTEM_PACKAGES: '1' });
    expect(check.code, check.out).toBe(0);
  });

  it('adds to [project].dependencies of a pyproject.toml, keeping its layout', async () => {
    const wt = setup('py-missing');
    rmSync(path.join(wt.dir, 'requirements.txt'));
    writeFileSync(path.join(wt.dir, 'pyproject.toml'), '[project]\nname = "settings"\nversion = "0.1.0"\ndependencies = [\n    "pytest>=7",  # tests\n]\n');
    const events = buildLogEvents(run('python3', ['-I', '-S', 'settings.py'], wt.dir).stderr, wt.dir, 'python');
    const version = run('python3', ['-c', "import importlib.metadata as m; print(m.version('iniconfig'))"], wt.dir).stdout.trim();
    expect(await missingDependencyFixer.propose(fixContext(wt.dir, events))).toMatchObject({ kind: 'edited' });
    expect(run('cat', ['pyproject.toml'], wt.dir).stdout).toBe(`[project]\nname = "settings"\nversion = "0.1.0"\ndependencies = [\n    "pytest>=7",  # tests\n    "iniconfig>=${version}",\n]\n`);
  });

  it('refuses a module no local distribution provides, and passes on a module of the repository', async () => {
    const wt = setup('py-missing');
    writeFileSync(path.join(wt.dir, 'typo.py'), 'import requestz\n');
    const unknown = buildLogEvents(run('python3', ['typo.py'], wt.dir).stderr, wt.dir, 'python');
    expect(await missingDependencyFixer.propose(fixContext(wt.dir, unknown))).toMatchObject({
      kind: 'unfixable',
      reason: expect.stringContaining("no installed distribution provides module 'requestz' and PyPI is not reachable"),
    });
    mkdirSync(path.join(wt.dir, 'helpers'));
    writeFileSync(path.join(wt.dir, 'helpers', '__init__.py'), '');
    const local = buildLogEvents(run('python3', ['-c', 'import sys; sys.path.remove(""); import helpers'], path.join(wt.dir, '..')).stderr, wt.dir, 'python');
    expect(local).toMatchObject([{ message: "No module named 'helpers'" }]);
    expect(await missingDependencyFixer.propose(fixContext(wt.dir, local))).toMatchObject({ kind: 'pass', reason: expect.stringContaining("'helpers' is a module of this repository") });
  });
});

/** A file:// GOPROXY holding one module, downloaded into a private module cache (no network). */
function localModuleCache(): { cache: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'suture-goproxy-'));
  const proxy = path.join(root, 'proxy', 'example.com', 'greet', '@v');
  const src = path.join(root, 'src', 'example.com', 'greet@v1.2.0');
  mkdirSync(proxy, { recursive: true });
  mkdirSync(src, { recursive: true });
  writeFileSync(path.join(src, 'go.mod'), 'module example.com/greet\n\ngo 1.19\n');
  writeFileSync(path.join(src, 'greet.go'), 'package greet\n\n// Hello says hello.\nfunc Hello(name string) string { return "hello, " + name }\n');
  writeFileSync(path.join(proxy, 'list'), 'v1.2.0\n');
  writeFileSync(path.join(proxy, 'v1.2.0.info'), '{"Version":"v1.2.0","Time":"2024-01-01T00:00:00Z"}\n');
  writeFileSync(path.join(proxy, 'v1.2.0.mod'), 'module example.com/greet\n\ngo 1.19\n');
  const zip = run('python3', ['-c', 'import sys, zipfile, os\nz = zipfile.ZipFile(sys.argv[1], "w")\nfor f in ("go.mod", "greet.go"): z.write(os.path.join(sys.argv[2], f), "example.com/greet@v1.2.0/" + f)\nz.close()', path.join(proxy, 'v1.2.0.zip'), src], root);
  if (zip.code !== 0) throw new Error(zip.out);
  const cache = path.join(root, 'modcache');
  const dl = run('go', ['mod', 'download', 'example.com/greet@v1.2.0'], path.join(root, 'src'), { GOMODCACHE: cache, GOPROXY: `file://${path.join(root, 'proxy')}`, GOSUMDB: 'off', GOFLAGS: '-mod=mod' });
  if (dl.code !== 0) throw new Error(dl.out);
  return { cache, cleanup: () => run('chmod', ['-R', 'u+w', root], root) && rmSync(root, { recursive: true, force: true }) };
}

describe('missing-dependency for Go (resolved from the local module cache only)', () => {
  it('requires the cached module with an offline go get; go test then passes', async () => {
    const wt = setup('go-missing');
    const mc = localModuleCache();
    const saved = process.env.GOMODCACHE;
    process.env.GOMODCACHE = mc.cache;
    sandboxes.defer(() => {
      if (saved === undefined) delete process.env.GOMODCACHE;
      else process.env.GOMODCACHE = saved;
      mc.cleanup();
    });
    const missing = goBuildEvents(run('go', ['build', './...'], wt.dir).out, wt.dir);
    expect(missing).toMatchObject([{ file: 'app.go', line: 3, message: expect.stringContaining('no required module provides package example.com/greet') }]);
    const result = await missingDependencyFixer.propose(fixContext(wt.dir, missing));
    expect(result).toMatchObject({ kind: 'edited', summary: 'required example.com/greet v1.2.0 in go.mod (version from the local module cache, recorded with go get)' });
    expect(wt.diff()).toContain(['+', '+require example.com/greet v1.2.0'].join('\n'));
    expect(wt.diff()).toContain('+++ b/go.sum');
    expect(run('go', ['test', './...'], wt.dir, { GOMODCACHE: mc.cache, GOPROXY: 'off', GOFLAGS: '-mod=mod' }).code).toBe(0);
  });

  it('refuses when no local source has the module (the Go proxy is unreachable)', async () => {
    const wt = setup('go-missing');
    const missing = goBuildEvents(run('go', ['build', './...'], wt.dir, { GOPROXY: 'off' }).out, wt.dir);
    expect(missing).toHaveLength(1);
    const result = await missingDependencyFixer.propose(fixContext(wt.dir, missing));
    expect(result).toEqual({ kind: 'unfixable', reason: 'no module providing example.com/greet is in the local module cache and the Go proxy is not reachable from here: run go get example.com/greet' });
  });
});
