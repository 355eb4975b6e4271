import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticIds } from '../results/ids.js';
import { cleanLines } from './text.js';
import { npmExtractor } from './npm.js';

const read = (name: string): string => readFileSync(new URL(`../../../test/fixtures/reports/npm/${name}`, import.meta.url), 'utf8');
const opts = { repoRoot: '/work/main/test/fixtures/reports/npm/project' };
const extract = (text: string) => npmExtractor.extract(cleanLines(text), opts, new DiagnosticIds());

describe('npm and node missing-dependency errors (real output, npm 10 / node 20)', () => {
  it('reads npm E404 for a package that does not exist', () => {
    expect(extract(read('npm-install-e404.log'))).toEqual([
      expect.objectContaining({
        kind: 'build',
        framework: 'npm',
        test_id: 'npm::E404:suture-fixture-no-such-package-7c1f',
        error_code: 'E404',
        message: "Not Found - GET https://registry.npmjs.org/suture-fixture-no-such-package-7c1f\nThe requested resource 'suture-fixture-no-such-package-7c1f@^1.0.0' could not be found or you do not have permission to access it.",
        repro_cmd: 'npm install',
      }),
    ]);
  });

  it('reads the old "npm ERR!" prefix and ignores the wrapper of a failed script', () => {
    const old = extract('npm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.npmjs.org/@acme%2fwidgets - Not found\nnpm ERR! 404\n');
    expect(old).toEqual([expect.objectContaining({ error_code: 'E404', message: 'Not Found - GET https://registry.npmjs.org/@acme%2fwidgets - Not found' })]);
    expect(extract('npm error code 1\nnpm error path /r\nnpm error command failed\nnpm error command sh -c jest\n')).toEqual([]);
  });

  it("reads node's CommonJS \"Cannot find module\" with the requiring file and line", () => {
    expect(extract(read('node-cannot-find-module.log'))).toEqual([
      expect.objectContaining({
        framework: 'node',
        test_id: "node:main.cjs:MODULE_NOT_FOUND:Cannot find module 'left-pad-not-installed'",
        file: 'main.cjs',
        line: 2,
        column: 13,
        error_code: 'MODULE_NOT_FOUND',
        message: "Cannot find module 'left-pad-not-installed'",
      }),
    ]);
  });

  it('reads ERR_MODULE_NOT_FOUND of ES modules', () => {
    expect(extract(read('node-err-module-not-found.log'))).toEqual([
      expect.objectContaining({
        file: 'main.mjs',
        error_code: 'ERR_MODULE_NOT_FOUND',
        message: "Cannot find package 'left-pad-not-installed' imported from /work/main/test/fixtures/reports/npm/project/main.mjs",
      }),
    ]);
  });

  it('gives an ESM import of a missing relative file the same id in every checkout (no absolute path)', () => {
    // The real node prints the import resolved to an absolute path, and the importer's absolute path.
    const run = (dir: string): string => {
      mkdirSync(path.join(dir, 'src'), { recursive: true });
      writeFileSync(path.join(dir, 'src/main.mjs'), "import { x } from './util.js';\nconsole.log(x);\n");
      return spawnSync(process.execPath, [path.join(dir, 'src/main.mjs')], { encoding: 'utf8' }).stderr;
    };
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'suture-esm-'));
    try {
      const [a, b] = [path.join(tmp, 'checkout-a'), path.join(tmp, 'elsewhere/checkout-b')];
      const logA = run(a);
      expect(logA).toContain(`Cannot find module '${a}/src/util.js' imported from ${a}/src/main.mjs`);
      const inRepo = (log: string, root: string) => npmExtractor.extract(cleanLines(log), { repoRoot: root }, new DiagnosticIds())[0]!;
      const expected = "node:src/main.mjs:ERR_MODULE_NOT_FOUND:Cannot find module './util.js'";
      expect(inRepo(logA, a)).toMatchObject({ test_id: expected, file: 'src/main.mjs', line: undefined, error_code: 'ERR_MODULE_NOT_FOUND' });
      expect(inRepo(run(b), b).test_id).toBe(expected);
      // Read where the checkout is not the repository root (a log from another machine): still no
      // absolute path, the module named relative to its importer.
      expect(inRepo(logA, '/repo').test_id).toBe("node::ERR_MODULE_NOT_FOUND:Cannot find module './util.js'");
      const ci = logA.replaceAll(a, '/home/runner/work/app/app');
      expect(inRepo(ci, '/repo').test_id).toBe(expected);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
