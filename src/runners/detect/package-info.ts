import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { glob } from 'tinyglobby';
import { z } from 'zod';
import { DEFAULT_IGNORE } from './ignore.js';

const stringMap = z.record(z.string(), z.string()).catch({});

/** The parts of package.json detection reads; anything malformed reads as absent rather than failing detection. */
const packageJsonSchema = z.looseObject({
  name: z.string().optional().catch(undefined),
  type: z.string().optional().catch(undefined),
  scripts: stringMap.optional(),
  dependencies: stringMap.optional(),
  devDependencies: stringMap.optional(),
  peerDependencies: stringMap.optional(),
  optionalDependencies: stringMap.optional(),
  workspaces: z.union([z.array(z.string()), z.object({ packages: z.array(z.string()).default([]) })]).optional().catch(undefined),
  packageManager: z.string().optional().catch(undefined),
  eslintConfig: z.unknown().optional(),
  jest: z.unknown().optional(),
  mocha: z.unknown().optional(),
});
export type PackageJson = z.infer<typeof packageJsonSchema>;

/** One directory that may hold a package of some ecosystem, with lazily read manifests. */
export class PackageInfo {
  readonly entries: Set<string>;
  #texts = new Map<string, string | undefined>();
  #globs = new Map<string, Promise<string[]>>();
  #packageJson: PackageJson | undefined | null = null;
  #tomls = new Map<string, Record<string, unknown> | undefined>();

  constructor(
    /** Absolute repository root. */
    readonly root: string,
    /** Repository-relative dir, '.' for the root. */
    readonly dir: string,
  ) {
    let names: string[] = [];
    try {
      names = readdirSync(this.abs);
    } catch {
      // A directory that vanished reads as empty.
    }
    this.entries = new Set(names);
  }

  #rootPackage: PackageInfo | undefined;

  /** The repository root's package (workspace roots hold hoisted dependencies and lockfiles). */
  get rootPackage(): PackageInfo {
    if (this.dir === '.') return this;
    this.#rootPackage ??= new PackageInfo(this.root, '.');
    return this.#rootPackage;
  }

  /** Shares one root package between the packages of one detection. */
  setRootPackage(rootPkg: PackageInfo): void {
    if (this.dir !== '.') this.#rootPackage = rootPkg;
  }

  get abs(): string {
    return this.dir === '.' ? this.root : path.join(this.root, this.dir);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The first of `names` present in the package dir. */
  first(names: readonly string[]): string | undefined {
    return names.find((n) => this.entries.has(n));
  }

  /** A small text file of the package (manifests, configs); undefined when absent or unreadable. */
  read(name: string): string | undefined {
    if (!this.#texts.has(name)) {
      let text: string | undefined;
      try {
        text = readFileSync(path.join(this.abs, name), 'utf8');
      } catch {
        text = undefined;
      }
      this.#texts.set(name, text);
    }
    return this.#texts.get(name);
  }

  get packageJson(): PackageJson | undefined {
    if (this.#packageJson === null) {
      const text = this.read('package.json');
      let parsed: PackageJson | undefined;
      try {
        const r = text === undefined ? undefined : packageJsonSchema.safeParse(JSON.parse(text));
        parsed = r?.success ? r.data : undefined;
      } catch {
        parsed = undefined;
      }
      this.#packageJson = parsed;
    }
    return this.#packageJson;
  }

  /** Every dependency name of package.json (all four kinds). */
  get nodeDependencies(): Set<string> {
    const pj = this.packageJson;
    if (!pj) return new Set();
    return new Set([pj.dependencies, pj.devDependencies, pj.peerDependencies, pj.optionalDependencies].flatMap((m) => Object.keys(m ?? {})));
  }

  toml(name: string): Record<string, unknown> | undefined {
    if (!this.#tomls.has(name)) {
      const text = this.read(name);
      let parsed: Record<string, unknown> | undefined;
      try {
        parsed = text === undefined ? undefined : (parseToml(text) as Record<string, unknown>);
      } catch {
        parsed = undefined;
      }
      this.#tomls.set(name, parsed);
    }
    return this.#tomls.get(name);
  }

  get pyproject(): Record<string, unknown> | undefined {
    return this.toml('pyproject.toml');
  }

  get cargoToml(): Record<string, unknown> | undefined {
    return this.toml('Cargo.toml');
  }

  /** The module path declared in go.mod. */
  get goModule(): string | undefined {
    return /^module\s+("?)([^\s"]+)\1/m.exec(this.read('go.mod') ?? '')?.[2];
  }

  /** Files below the package (relative to it) matching the globs, skipping dependency and build dirs. */
  glob(patterns: string[], deep = 6): Promise<string[]> {
    const key = `${patterns.join('\0')}\0${deep}`;
    let p = this.#globs.get(key);
    if (!p) {
      p = glob(patterns, { cwd: this.abs, ignore: DEFAULT_IGNORE, deep, dot: false, followSymbolicLinks: false, expandDirectories: false });
      this.#globs.set(key, p);
    }
    return p;
  }

  /** A display name: package.json name, Cargo package name, pyproject name or Go module path. */
  get name(): string | undefined {
    const cargoPkg = this.cargoToml?.package as { name?: unknown } | undefined;
    const pyProject = this.pyproject?.project as { name?: unknown } | undefined;
    const candidates = [this.packageJson?.name, cargoPkg?.name, pyProject?.name, this.goModule];
    return candidates.find((c): c is string => typeof c === 'string' && c.length > 0);
  }
}

/** Reads `a.b.c` from parsed TOML/JSON without caring about intermediate shapes. */
export function dig(obj: unknown, ...keys: string[]): unknown {
  let cur = obj;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}
