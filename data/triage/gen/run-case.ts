import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Case } from './lib.js';

const OUTPUT_CAP = 12_000;

// CI workspaces as the common systems name them; the temp dir is shown as one of these.
export const WORKSPACES = ['/home/runner/work/{r}/{r}', '/builds/{o}/{r}', '/home/travis/build/{o}/{r}', '/workspace/{r}', '/home/circleci/project', '/var/lib/jenkins/workspace/{r}'];

export function capOutput(s: string): string {
  if (s.length <= OUTPUT_CAP) return s;
  return s.slice(0, 8000) + '\n[... output truncated by the data set generator ...]\n' + s.slice(-4000);
}

export async function runCase(c: Case, dir: string): Promise<{ code: number | null; output: string }> {
  for (const [rel, content] of Object.entries(c.files)) {
    const p = path.join(dir, rel);
    await mkdir(path.dirname(p), { recursive: true });
    await writeFile(p, content);
  }
  for (const [rel, mode] of Object.entries(c.modes ?? {})) await chmod(path.join(dir, rel), mode);
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', `${c.cmd} 2>&1`], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: dir,
        LANG: 'C.UTF-8',
        TERM: 'dumb',
        CI: 'true',
        NODE_PATH: '',
        GOFLAGS: '-mod=mod',
        GOPROXY: 'off',
        GOCACHE: path.join(os.tmpdir(), 'suture-gen-gocache'),
        GOPATH: path.join(os.tmpdir(), 'suture-gen-gopath'),
        CARGO_HOME: path.join(os.tmpdir(), 'suture-gen-cargo'),
        RUSTUP_HOME: process.env.RUSTUP_HOME ?? path.join(os.homedir(), '.rustup'),
        PYENV_ROOT: process.env.PYENV_ROOT ?? path.join(os.homedir(), '.pyenv'),
        PYTHONDONTWRITEBYTECODE: '1',
        PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1',
        PIP_DISABLE_PIP_VERSION_CHECK: '1',
        MAVEN_OPTS: '-Dmaven.repo.local=' + path.join(os.homedir(), '.m2/repository'),
        npm_config_update_notifier: 'false',
        npm_config_fund: 'false',
        npm_config_audit: 'false',
        npm_config_cache: path.join(dir, '.npm-cache'),
        ...c.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const out: Buffer[] = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {}
    }, c.timeoutMs ?? 90_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output: Buffer.concat(out).toString('utf8') });
    });
  });
}


export function hashSeed(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Runs a case in a fresh temp dir and returns its output with the temp dir shown as a CI workspace
 * (one of the common systems' paths, picked from `key`), then removes the dir.
 */
export async function runCaseIn(c: Case, key: string): Promise<{ code: number | null; output: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'suture-gen-'));
  try {
    const { code, output } = await runCase(c, dir);
    const h = hashSeed(key);
    const ws = WORKSPACES[h % WORKSPACES.length]!.replace(/\{r\}/g, ['app', 'service', 'api', 'web', 'core', 'platform', 'backend', 'tools'][(h >>> 8) % 8]!).replace(/\{o\}/g, ['acme', 'team', 'org', 'infra', 'dev'][(h >>> 16) % 5]!);
    return { code, output: showAsWorkspace(output, dir, ws) };
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

/** Replaces the temp dir in a tool's output by a CI workspace path. */
export function showAsWorkspace(output: string, dir: string, ws: string): string {
  return output.split(dir).join(ws).replace(/\/tmp\/suture-gen-[A-Za-z0-9]+/g, ws);
}
