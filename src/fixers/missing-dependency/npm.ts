import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { parse as parseYaml } from 'yaml';
import { execTool } from '../shared/exec.js';
import { isTestFile } from '../shared/language.js';
import { isInside, toWorktreeRelative } from '../shared/worktree-path.js';
import { addJsonDependency, declaredIn } from './json-manifest.js';
import { installCommand, provideInSandbox } from './sandbox-install.js';
import { isNodeBuiltin, isRelative, packageName, typesPackage, type MissingModule } from './specifier.js';
import type { DependencyOutcome, ResolveEnv } from './types.js';

/** Walks from `dir` up to the worktree root, yielding each directory. */
function* upwards(dir: string, worktree: string): Generator<string> {
  for (let d = dir; isInside(worktree, d); d = path.dirname(d)) {
    yield d;
    if (d === worktree) return;
  }
}

async function readJson(file: string): Promise<Record<string, unknown> | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The version a lockfile (npm, pnpm, yarn v1/berry) already resolved for a package, if any. */
async function lockedVersion(name: string, from: string, worktree: string): Promise<{ version: string; source: string } | undefined> {
  for (const dir of upwards(from, worktree)) {
    for (const lock of ['package-lock.json', 'npm-shrinkwrap.json']) {
      const json = await readJson(path.join(dir, lock));
      const pkgs = json?.packages as Record<string, { version?: string }> | undefined;
      if (!pkgs) continue;
      const hit = pkgs[`node_modules/${name}`] ?? Object.entries(pkgs).find(([k]) => k.endsWith(`/node_modules/${name}`))?.[1];
      if (hit?.version) return { version: hit.version, source: toWorktreeRelative(worktree, path.join(dir, lock)) };
    }
    const pnpm = path.join(dir, 'pnpm-lock.yaml');
    if (existsSync(pnpm)) {
      const doc = parseYaml(await readFile(pnpm, 'utf8')) as { packages?: Record<string, unknown> } | null;
      for (const key of Object.keys(doc?.packages ?? {})) {
        const m = /^\/?(@?[^@]+)@([^(]+)/.exec(key);
        if (m && m[1] === name) return { version: m[2]!, source: toWorktreeRelative(worktree, pnpm) };
      }
    }
    const yarn = path.join(dir, 'yarn.lock');
    if (existsSync(yarn)) {
      const text = await readFile(yarn, 'utf8');
      const esc = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      const m = new RegExp(`^"?${esc}@[^\\n]*:\\n(?:\\s+[^\\n]*\\n)*?\\s+version:? "?([^"\\n]+)"?`, 'm').exec(text);
      if (m) return { version: m[1]!, source: toWorktreeRelative(worktree, yarn) };
    }
  }
  return undefined;
}

/** A copy already on disk (hoisted by another dependency): the version that works today. */
async function installedVersion(name: string, from: string, worktree: string): Promise<string | undefined> {
  for (const dir of upwards(from, worktree)) {
    const v = (await readJson(path.join(dir, 'node_modules', name, 'package.json')))?.version;
    if (typeof v === 'string') return v;
  }
  return undefined;
}

async function registryVersion(name: string, cwd: string, env: ResolveEnv): Promise<{ version: string } | { error: string }> {
  const r = await execTool('npm', ['view', name, 'version', '--json'], { cwd, signal: env.signal, timeoutMs: 60_000 }).catch((e: Error) => ({ code: -1, stdout: '', stderr: e.message, timedOut: false }));
  if (r.code === 0) {
    const v = JSON.parse(r.stdout || 'null') as string | string[] | null;
    const version = Array.isArray(v) ? v[v.length - 1] : v;
    if (version) return { version };
  }
  if (/E404|404 Not Found/.test(r.stderr + r.stdout)) return { error: `'${name}' does not exist on the npm registry (a misspelt import?)` };
  return { error: `npm view ${name} failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-2).join(' ')}` };
}

/** Packages of this repository (workspaces) by name, for imports of a sibling package. */
async function workspacePackage(name: string, worktree: string): Promise<{ version: string; dir: string } | undefined> {
  const files = await glob('**/package.json', { cwd: worktree, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'], deep: 6 });
  for (const f of files) {
    const json = await readJson(f);
    if (json?.name === name) return { version: typeof json.version === 'string' ? json.version : '*', dir: path.dirname(f) };
  }
  return undefined;
}

async function isPathAlias(spec: string, from: string, worktree: string): Promise<boolean> {
  if (spec.startsWith('#')) return true;
  for (const dir of upwards(from, worktree)) {
    const paths = ((await readJson(path.join(dir, 'tsconfig.json')))?.compilerOptions as { paths?: Record<string, unknown> } | undefined)?.paths;
    if (paths && Object.keys(paths).some((k) => (k.endsWith('*') ? spec.startsWith(k.slice(0, -1)) : spec === k))) return true;
  }
  return false;
}

/** Adds the missing npm package to the importing package's manifest at the version already resolved. */
export async function resolveNpm(mod: MissingModule, importer: string | undefined, env: ResolveEnv): Promise<DependencyOutcome> {
  const spec = mod.specifier;
  if (isRelative(spec)) return { kind: 'pass', reason: `'${spec}' is a relative path, not a package: a path typo is not a missing dependency` };
  if (isNodeBuiltin(spec)) return { kind: 'unfixable', reason: `'${spec}' names a Node.js built-in module, not a package` };
  const pkg = packageName(spec);
  if (!pkg) return { kind: 'unfixable', reason: `'${spec}' is not a valid npm package name` };
  const fromDir = importer ? path.dirname(importer) : env.worktree;
  if (await isPathAlias(spec, fromDir, env.worktree)) return { kind: 'pass', reason: `'${spec}' is a path alias (tsconfig paths / package imports), not a package` };
  const manifest = [...upwards(fromDir, env.worktree)].map((d) => path.join(d, 'package.json')).find((f) => existsSync(f));
  if (!manifest) return { kind: 'unfixable', reason: `no package.json above ${importer ? toWorktreeRelative(env.worktree, importer) : 'the repository root'}` };
  const manifestRel = toWorktreeRelative(env.worktree, manifest);
  const text = await readFile(manifest, 'utf8');
  const json = JSON.parse(text) as Record<string, unknown>;
  const name = mod.typesOnly ? typesPackage(pkg) : pkg;
  const declared = declaredIn(json, name);
  if (declared) return { kind: 'unfixable', reason: `'${name}' is already declared in ${manifestRel} (${declared}) but is not installed: install the dependencies (npm ci); no code change fixes that` };

  let version: string;
  let source: string;
  const local = await workspacePackage(name, env.worktree);
  const locked = local ? undefined : await lockedVersion(name, path.dirname(manifest), env.worktree);
  const installed = local || locked ? undefined : await installedVersion(name, path.dirname(manifest), env.worktree);
  if (local) [version, source] = [local.version, 'the workspace package'];
  else if (locked) [version, source] = [locked.version, locked.source];
  else if (installed) [version, source] = [installed, 'the installed copy in node_modules'];
  else {
    const reg = await registryVersion(name, path.dirname(manifest), env);
    if ('error' in reg) return { kind: 'unfixable', reason: reg.error };
    [version, source] = [reg.version, 'the npm registry (latest)'];
  }
  const exactStyle = Object.values((json.dependencies ?? {}) as Record<string, string>).some((v) => /^\d/.test(v)) && !Object.values((json.dependencies ?? {}) as Record<string, string>).some((v) => /^[~^]/.test(v));
  const range = version === '*' ? '*' : exactStyle ? version : `^${version}`;
  const dev = mod.typesOnly || (importer !== undefined && (isTestFile(toWorktreeRelative(env.worktree, importer)) || /\.config\.[cm]?[jt]s$/.test(importer)));
  const section = dev ? 'devDependencies' : 'dependencies';
  // Verification needs the package resolvable in the sandbox: installed there privately (or already resolvable).
  const provided = await provideInSandbox(name, range, path.dirname(manifest), env, local?.dir);
  if (!provided.ok) env.log(`missing-dependency: ${provided.note}`);
  const install = installCommand(path.dirname(manifest), env.worktree);
  return {
    kind: 'edit',
    file: manifest,
    text: addJsonDependency(text, section, name, range),
    summary: `added "${name}": "${range}" to ${section} in ${manifestRel} (version from ${source}); ${provided.note}; run \`${install}\` to install it (the lockfile updates then)`,
  };
}
