import path from 'node:path';

/**
 * Maps Go import paths to repository directories. go test prints test files by base name
 * ("calc_test.go:14"), so `file` needs the package's directory: from the module path when the caller
 * knows it (go.mod), else learned from the first path the output prints in full (a panic frame, a
 * compiler error) for a package whose import path ends with that directory.
 */
export class PackageDirs {
  #module: string | undefined;

  constructor(module?: string) {
    this.#module = module?.replace(/\/+$/, '') || undefined;
  }

  /** Learns the module from a repository-relative file that belongs to `importPath`. */
  learn(importPath: string | undefined, repoFile: string | undefined): void {
    if (this.#module || !importPath || !repoFile) return;
    const dir = path.posix.dirname(repoFile);
    if (dir === '.') this.#module = importPath;
    else if (importPath.endsWith(`/${dir}`)) this.#module = importPath.slice(0, -(dir.length + 1));
  }

  dirOf(importPath: string | undefined): string | undefined {
    if (!this.#module || !importPath) return undefined;
    if (importPath === this.#module) return '.';
    return importPath.startsWith(`${this.#module}/`) ? importPath.slice(this.#module.length + 1) : undefined;
  }

  fileIn(importPath: string | undefined, baseName: string): string | undefined {
    const dir = this.dirOf(importPath);
    return dir === undefined ? undefined : dir === '.' ? baseName : `${dir}/${baseName}`;
  }
}
