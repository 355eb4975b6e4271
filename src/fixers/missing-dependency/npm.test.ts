import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { failure, fixContext, fixtureSandboxes, run, tempRepo, type Worktree } from '../shared/testing/temp-repo.js';
import { buildLogEvents } from '../shared/testing/tool-events.js';
import { openSandbox } from '../../heal/sandbox/index.js';
import { missingDependencyFixer } from './index.js';

const sandboxes = fixtureSandboxes();

const setup = (fixture: string): Worktree => sandboxes.open(fixture).wt;

describe('missing-dependency for npm packages', () => {
  it('declares an undeclared import at the registry version; after npm install the node:test suite passes', async () => {
    const wt = setup('npm-missing');
    const before = run(process.execPath, ['--test'], wt.dir);
    expect(before.code).not.toBe(0);
    const crash = run(process.execPath, ['src/parity.js'], wt.dir);
    const events = buildLogEvents(crash.stderr, wt.dir, 'node');
    expect(events).toMatchObject([{ error_code: 'ERR_MODULE_NOT_FOUND' }]);
    const registry = run('npm', ['view', 'is-number', 'version'], wt.dir).stdout.trim();
    expect(registry).toMatch(/^\d+\.\d+\.\d+$/);

    const result = await missingDependencyFixer.propose(fixContext(wt.dir, events));
    expect(result).toMatchObject({ kind: 'edited', summary: expect.stringContaining('version from the npm registry') });
    expect(wt.diff()).toBe(
      [
        'diff --git a/package.json b/package.json',
        '--- a/package.json',
        '+++ b/package.json',
        '@@ -6,5 +6,7 @@',
        '   "scripts": {',
        '     "test": "node --test"',
        '   },',
        '-  "dependencies": {}',
        '+  "dependencies": {',
        `+    "is-number": "^${registry}"`,
        '+  }',
        ' }',
        '',
      ].join('\n'),
    );
    expect(run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts'], wt.dir).code).toBe(0);
    expect(run(process.execPath, ['--test'], wt.dir).code).toBe(0);
  }, 180_000);

  it('installs the package privately in the heal sandbox so the fix verifies there, never in your node_modules, and only for its attempt', async () => {
    const repo = tempRepo('npm-missing');
    sandboxes.defer(() => repo.cleanup());
    repo.write('.gitignore', 'node_modules\n');
    repo.write('node_modules/left-pad/package.json', '{"name":"left-pad","version":"1.3.0"}\n');
    repo.commit('ignore node_modules');
    const session = await openSandbox(repo.dir, { runId: 'npm-install', linkDirs: ['node_modules'], exclude: ['.suture'] });
    try {
      const wt = session.sandbox.dir;
      const crash = run(process.execPath, ['src/parity.js'], wt);
      const events = buildLogEvents(crash.stderr, wt, 'node');
      session.sandbox.touch();
      const result = await missingDependencyFixer.propose(fixContext(wt, events, { scratchDir: session.sandbox.scratchDir }));
      expect(result).toMatchObject({ kind: 'edited', summary: expect.stringMatching(/is-number@\d+\.\d+\.\d+ installed privately in the sandbox to verify the fix \(your node_modules is untouched\); run `npm install` to install it/) });
      // The attempt's verification, in the sandbox: passes without any install in your tree.
      expect(run(process.execPath, ['--test'], wt).code).toBe(0);
      expect(readdirSync(path.join(repo.dir, 'node_modules'))).toEqual(['left-pad']);
      expect((await session.sandbox.diff())!.files.map((f) => f.path)).toEqual(['package.json']);
      await session.sandbox.reset(); // the next attempt: the package went with this one
      expect(existsSync(path.join(wt, 'node_modules', 'is-number'))).toBe(false);
      expect(run(process.execPath, ['src/parity.js'], wt).code).not.toBe(0);
    } finally {
      await session.dispose();
    }
    expect(readdirSync(path.join(repo.dir, 'node_modules'))).toEqual(['left-pad']);
  }, 180_000);

  it("takes the version the lockfile already resolved (a hoisted transitive dependency) in the manifest's exact style", async () => {
    const wt = setup('npm-hoisted');
    const events = buildLogEvents(
      `Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'is-number' imported from ${path.join(wt.dir, 'src/parity.js')}\n    at packageResolve (node:internal/modules/esm/resolve:873:9) {\n  code: 'ERR_MODULE_NOT_FOUND'\n}\n`,
      wt.dir,
      'node',
    );
    const result = await missingDependencyFixer.propose(fixContext(wt.dir, events));
    expect(result).toMatchObject({
      kind: 'edited',
      summary: 'added "is-number": "6.0.0" to dependencies in package.json (version from package-lock.json); not installed in the sandbox (no scratch directory); run `npm install` to install it (the lockfile updates then)',
    });
    expect(JSON.parse(readFileSync(path.join(wt.dir, 'package.json'), 'utf8')).dependencies).toEqual({ 'is-number': '6.0.0', 'is-odd': '3.0.1' });
  });

  it('puts an import from a test file into devDependencies and a TS7016 into its @types package', async () => {
    const wt = setup('npm-hoisted');
    const events = [
      failure({ message: "Failed to resolve import \"is-number\" from \"src/parity.test.js\". Does the file exist?", framework: 'vitest' }),
      failure({ kind: 'typecheck', framework: 'tsc', error_code: 'TS7016', file: 'src/parity.js', line: 1, column: 22, message: "Could not find a declaration file for module 'is-odd'. '/x/node_modules/is-odd/index.js' implicitly has an 'any' type." }),
    ];
    writeFileSync(path.join(wt.dir, 'src/parity.test.js'), "import isNumber from 'is-number';\n");
    const result = await missingDependencyFixer.propose(fixContext(wt.dir, events));
    expect(result.kind).toBe('edited');
    const pkg = JSON.parse(readFileSync(path.join(wt.dir, 'package.json'), 'utf8'));
    expect(pkg.devDependencies['is-number']).toBe('6.0.0');
    expect(pkg.devDependencies['@types/is-odd']).toMatch(/^\d+\.\d+\.\d+$/);
  }, 60_000);

  it('does not treat a relative path, a built-in or an already declared package as a missing dependency', async () => {
    const wt = setup('npm-hoisted');
    const rel = await missingDependencyFixer.propose(fixContext(wt.dir, [failure({ message: "Cannot find module './utills' from 'src/parity.js'" })]));
    expect(rel).toEqual({ kind: 'pass', reason: "'./utills' is a relative path, not a package: a path typo is not a missing dependency" });
    const builtin = await missingDependencyFixer.propose(fixContext(wt.dir, [failure({ message: "Cannot find module 'node:fz'" })]));
    expect(builtin).toMatchObject({ kind: 'unfixable', reason: expect.stringContaining('built-in') });
    const declared = await missingDependencyFixer.propose(fixContext(wt.dir, [failure({ message: "Cannot find package 'is-odd' imported from src/parity.js" })]));
    expect(declared).toMatchObject({ kind: 'unfixable', reason: expect.stringContaining("'is-odd' is already declared in package.json (dependencies) but is not installed") });
    expect(wt.diff()).toBe('');
  });

  it('refuses a package the registry does not know (a misspelt import)', async () => {
    const wt = setup('npm-hoisted');
    const events = [failure({ message: "Cannot find package 'suture-fixture-no-such-package-x9' imported from src/parity.js" })];
    const result = await missingDependencyFixer.propose(fixContext(wt.dir, events));
    expect(result).toEqual({ kind: 'unfixable', reason: "'suture-fixture-no-such-package-x9' does not exist on the npm registry (a misspelt import?)" });
  }, 60_000);
});
