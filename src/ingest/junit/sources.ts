import fs from 'node:fs';
import path from 'node:path';

const JAVA_ROOTS = ['src/test/java', 'src/test/kotlin', 'src/it/java', 'src/integrationTest/java', 'src/test/scala', 'src/main/java', 'test', 'tests', 'src'];

/**
 * Looks at the repository only to place tests a report names by package or class: Go import paths
 * become directories through go.mod, Java classes become files under the usual source roots. Answers
 * are cached; nothing outside the repository is read.
 */
export class SourceLookup {
  private goModule: string | null | undefined;
  private readonly javaFiles = new Map<string, string | null>();

  constructor(
    private readonly repoRoot: string,
    /** The module path when the caller knows it (ParseOptions.goModule); else go.mod is read. */
    goModule?: string,
  ) {
    if (goModule) this.goModule = goModule;
  }

  /** `example.com/proj/calc` -> `calc` when go.mod at the root says `module example.com/proj`. */
  goPackageDir(importPath: string): string | undefined {
    if (this.goModule === undefined) {
      try {
        const mod = fs.readFileSync(path.join(this.repoRoot, 'go.mod'), 'utf8');
        this.goModule = /^module\s+(\S+)/m.exec(mod)?.[1] ?? null;
      } catch {
        this.goModule = null;
      }
    }
    const m = this.goModule;
    if (m === null) return undefined;
    if (importPath === m) return '.';
    return importPath.startsWith(m + '/') ? importPath.slice(m.length + 1) : undefined;
  }

  /** Whether a file exists at this path below the lookup's root (cached by the callers). */
  exists(rel: string): boolean {
    return fs.existsSync(path.join(this.repoRoot, rel));
  }

  /** `com.acme.FooTest` (+ `FooTest.kt` from a frame) -> `src/test/java/com/acme/FooTest.java` if it exists. */
  javaFile(classname: string, fileName: string | undefined): string | undefined {
    const outer = classname.split('$')[0]!;
    const key = `${outer}|${fileName ?? ''}`;
    const known = this.javaFiles.get(key);
    if (known !== undefined) return known ?? undefined;
    const dir = outer.split('.').slice(0, -1).join('/');
    const names = fileName ? [fileName] : [`${outer.split('.').pop()}.java`, `${outer.split('.').pop()}.kt`];
    let found: string | null = null;
    for (const root of JAVA_ROOTS) {
      for (const name of names) {
        const rel = path.posix.join(root, dir, name);
        if (fs.existsSync(path.join(this.repoRoot, rel))) {
          found = rel;
          break;
        }
      }
      if (found) break;
    }
    this.javaFiles.set(key, found);
    return found ?? undefined;
  }
}
