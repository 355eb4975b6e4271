import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

const cache = new Map<string, string | undefined>();

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Finds a tool the way a developer's shell would for this package: node_modules/.bin from the package
 * dir up to the filesystem root (workspaces hoist binaries to the root), then PATH. Returns an absolute
 * path, or undefined when it is not installed.
 */
export function resolveBin(name: string, fromDir: string, pathEnv = process.env.PATH ?? ''): string | undefined {
  const key = `${name}\0${fromDir}\0${pathEnv}`;
  if (cache.has(key)) return cache.get(key);
  let found: string | undefined;
  for (let dir = path.resolve(fromDir); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', '.bin', name);
    if (isExecutable(candidate)) {
      found = candidate;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  found ??= resolveOnPath(name, pathEnv);
  cache.set(key, found);
  return found;
}

/** PATH lookup only (system tools: go, cargo, python3, terraform, mvn). */
export function resolveOnPath(name: string, pathEnv = process.env.PATH ?? ''): string | undefined {
  if (name.includes('/')) return isExecutable(name) ? path.resolve(name) : undefined;
  for (const dir of pathEnv.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** A Python virtualenv's interpreter in the package or the repository root, else python3 from PATH. */
export function resolvePython(pkgAbs: string, root: string): string | undefined {
  for (const base of [pkgAbs, root]) {
    for (const venv of ['.venv', 'venv', 'env']) {
      const py = path.join(base, venv, 'bin', 'python');
      if (isExecutable(py)) return py;
    }
  }
  return resolveOnPath('python3') ?? resolveOnPath('python');
}

/** For tests: detection results depend on the filesystem, which tests change. */
export function clearBinCache(): void {
  cache.clear();
}

/** A Python tool's executable: the virtualenv's bin/ first (where `pip install` put it), then PATH. */
export function resolvePythonBin(name: string, pkgAbs: string, root: string): string | undefined {
  for (const base of [pkgAbs, root]) {
    for (const venv of ['.venv', 'venv', 'env']) {
      const bin = path.join(base, venv, 'bin', name);
      if (isExecutable(bin)) return bin;
    }
  }
  return resolveOnPath(name);
}
