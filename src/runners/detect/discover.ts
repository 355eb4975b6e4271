import path from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_IGNORE } from './ignore.js';
import { PackageInfo, dig } from './package-info.js';

const MARKERS = [
  'package.json', 'go.mod', 'go.work', 'Cargo.toml', 'pyproject.toml', 'setup.py', 'setup.cfg', 'pytest.ini', 'tox.ini',
  'conftest.py', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts', 'terragrunt.hcl',
];
const PY_MARKERS = new Set(['pyproject.toml', 'setup.py', 'setup.cfg', 'pytest.ini', 'tox.ini']);
const JVM_MARKERS = new Set(['pom.xml', 'build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts']);

export interface DiscoverOptions {
  maxDepth: number;
  ignore: string[];
}

/**
 * Every directory that holds a package of some ecosystem, root first. Declared workspaces are
 * authoritative (npm/yarn `workspaces`, pnpm-workspace.yaml, go.work); otherwise every manifest found
 * within `maxDepth` counts. Maven/Gradle builds run from their top-most directory (one build runs all
 * modules); terraform runs per directory of .tf files.
 */
export async function discoverPackages(root: string, opts: DiscoverOptions): Promise<PackageInfo[]> {
  const files = await glob([`**/{${MARKERS.join(',')}}`, '**/*.tf'], {
    cwd: root,
    ignore: [...DEFAULT_IGNORE, ...opts.ignore.map((g) => (g.endsWith('/**') ? g : `${g.replace(/\/$/, '')}/**`))],
    deep: opts.maxDepth + 1,
    dot: false,
    followSymbolicLinks: false,
    expandDirectories: false,
  });
  const byDir = new Map<string, Set<string>>();
  for (const f of files) {
    const dir = path.posix.dirname(f);
    let set = byDir.get(dir);
    if (!set) byDir.set(dir, (set = new Set()));
    set.add(path.posix.basename(f));
  }
  const has = (dir: string, name: string) => byDir.get(dir)?.has(name) ?? false;
  const rootInfo = new PackageInfo(root, '.');
  const infos = new Map<string, PackageInfo>([['.', rootInfo]]);
  const info = (d: string): PackageInfo => {
    let i = infos.get(d);
    if (!i) {
      infos.set(d, (i = new PackageInfo(root, d)));
      i.setRootPackage(rootInfo);
    }
    return i;
  };
  const dirs = new Set<string>();

  // JavaScript: declared workspaces, else every package.json.
  const jsDirs = [...byDir.keys()].filter((d) => has(d, 'package.json'));
  const workspaceGlobs = jsWorkspaceGlobs(rootInfo);
  if (workspaceGlobs) {
    if (has('.', 'package.json')) dirs.add('.');
    for (const d of matchGlobs(jsDirs, workspaceGlobs)) dirs.add(d);
  } else for (const d of jsDirs) dirs.add(d);

  // Go: go.work's `use` list, else every module.
  const goWork = has('.', 'go.work') ? goWorkUses(rootInfo.read('go.work') ?? '') : undefined;
  if (goWork) for (const d of goWork) dirs.add(d);
  else for (const d of byDir.keys()) if (has(d, 'go.mod')) dirs.add(d);

  for (const [d, names] of byDir) {
    // Rust: every crate (a workspace member tests itself when cargo runs in its directory).
    if (names.has('Cargo.toml') && dig(info(d).cargoToml, 'package') !== undefined) dirs.add(d);
    // Python: every project, and a conftest.py that is not inside one.
    if ([...names].some((n) => PY_MARKERS.has(n))) dirs.add(d);
    if (names.has('terragrunt.hcl') || [...names].some((n) => n.endsWith('.tf'))) dirs.add(d);
  }
  const pyDirs = [...byDir.keys()].filter((d) => [...(byDir.get(d) ?? [])].some((n) => PY_MARKERS.has(n)));
  for (const d of byDir.keys()) {
    if (has(d, 'conftest.py') && !pyDirs.some((p) => isInside(d, p))) dirs.add(d);
  }
  // JVM: the top-most build directory only.
  const jvmDirs = [...byDir.keys()].filter((d) => [...(byDir.get(d) ?? [])].some((n) => JVM_MARKERS.has(n)));
  for (const d of jvmDirs) if (!jvmDirs.some((o) => o !== d && isInside(d, o))) dirs.add(d);

  return [...dirs]
    .sort((a, b) => (a === '.' ? -1 : b === '.' ? 1 : a.localeCompare(b)))
    .map(info);
}

/** True when `dir` is `parent` or below it (repository-relative posix paths). */
export function isInside(dir: string, parent: string): boolean {
  return parent === '.' || dir === parent || dir.startsWith(`${parent}/`);
}

function jsWorkspaceGlobs(rootInfo: PackageInfo): string[] | undefined {
  const ws = rootInfo.packageJson?.workspaces;
  const fromPackageJson = Array.isArray(ws) ? ws : ws?.packages;
  let fromPnpm: string[] | undefined;
  const pnpm = rootInfo.read('pnpm-workspace.yaml');
  if (pnpm !== undefined) {
    try {
      const pkgs = (parseYaml(pnpm) as { packages?: unknown } | null)?.packages;
      if (Array.isArray(pkgs)) fromPnpm = pkgs.filter((p): p is string => typeof p === 'string');
    } catch {
      // A broken pnpm-workspace.yaml: fall back to scanning, the package manager will report it.
    }
  }
  const all = [...(fromPackageJson ?? []), ...(fromPnpm ?? [])];
  return fromPackageJson || fromPnpm ? all : undefined;
}

/** Directories matching workspace globs, honouring `!negations`. */
export function matchGlobs(dirs: string[], globs: string[]): string[] {
  const clean = (g: string) => g.replace(/^\.\//, '').replace(/\/$/, '');
  const pos = globs.filter((g) => !g.startsWith('!')).map(clean);
  const neg = globs.filter((g) => g.startsWith('!')).map((g) => clean(g.slice(1)));
  const isPos = picomatch(pos.length ? pos : ['**']);
  const isNeg = neg.length ? picomatch(neg) : () => false;
  return dirs.filter((d) => d !== '.' && isPos(d) && !isNeg(d));
}

/** The directories of a go.work `use` directive (single or block form). */
export function goWorkUses(text: string): string[] {
  const out: string[] = [];
  const clean = (s: string) => s.trim().replace(/^"|"$/g, '').replace(/^\.\//, '').replace(/\/$/, '') || '.';
  const noComments = text.replace(/\/\/.*$/gm, '');
  for (const m of noComments.matchAll(/^\s*use\s*\(([^)]*)\)/gm)) {
    for (const line of m[1]!.split('\n')) if (line.trim()) out.push(clean(line));
  }
  for (const m of noComments.matchAll(/^\s*use\s+([^\s(][^\n]*)$/gm)) out.push(clean(m[1]!));
  return out;
}
