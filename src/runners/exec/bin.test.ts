import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clearBinCache, resolveBin, resolveOnPath, resolvePython, resolvePythonBin } from './bin.js';
import { displayCommand } from './display.js';

const root = mkdtempSync(path.join(tmpdir(), 'suture-bin-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
function exe(rel: string): string {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '#!/bin/sh\n');
  chmodSync(file, 0o755);
  return file;
}

describe('finding tools', () => {
  it('walks node_modules/.bin up from the package (hoisted workspaces), then PATH', () => {
    clearBinCache();
    const hoisted = exe('repo/node_modules/.bin/vitest');
    const local = exe('repo/packages/a/node_modules/.bin/jest');
    const onPath = exe('sysbin/go');
    const pkg = path.join(root, 'repo/packages/a');
    mkdirSync(path.join(root, 'repo/packages/b'), { recursive: true });
    expect(resolveBin('vitest', pkg, '')).toBe(hoisted);
    expect(resolveBin('jest', pkg, '')).toBe(local);
    expect(resolveBin('jest', path.join(root, 'repo/packages/b'), '')).toBeUndefined();
    expect(resolveBin('go', pkg, path.join(root, 'sysbin'))).toBe(onPath);
    expect(resolveOnPath('nope-not-here', path.join(root, 'sysbin'))).toBeUndefined();
  });

  it('ignores files that are not executable', () => {
    clearBinCache();
    const file = path.join(root, 'repo2/node_modules/.bin/mocha');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '');
    expect(resolveBin('mocha', path.join(root, 'repo2'), '')).toBeUndefined();
  });

  it('prefers the virtualenv of the package, then of the root, for Python and its tools', () => {
    const py = exe('py/app/.venv/bin/python');
    const ruff = exe('py/venv/bin/ruff');
    expect(resolvePython(path.join(root, 'py/app'), path.join(root, 'py'))).toBe(py);
    expect(resolvePythonBin('ruff', path.join(root, 'py/app'), path.join(root, 'py'))).toBe(ruff);
  });
});

describe('displayCommand', () => {
  it('shows PATH tools by name, repository tools relative to the package, with cd for packages', () => {
    const repo = '/r';
    expect(displayCommand(['/r/node_modules/.bin/vitest', 'run', 'a b.test.js'], '/r', repo)).toBe("./node_modules/.bin/vitest run 'a b.test.js'");
    expect(displayCommand(['/r/node_modules/.bin/jest', '-t', '^x$'], '/r/packages/api', repo)).toBe("cd packages/api && ../../node_modules/.bin/jest -t '^x$'");
    expect(displayCommand(['/opt/elsewhere/tool', 'x'], '/r', repo)).toBe('/opt/elsewhere/tool x');
    expect(displayCommand(['/bin/sh', '-c', 'make test && echo ok'], '/r/sub', repo)).toBe('cd sub && make test && echo ok');
  });
});
