/**
 * Generates the labelled triage data set by running real tools on real broken inputs.
 *
 *   npx tsx data/triage/gen/run.ts [--only id,id] [--tool tsc,go] [--out data/triage/examples.jsonl]
 *
 * Every template writes a small broken project to a temp dir, runs the real command, checks that the
 * output shows the failure it meant to cause (else the example is dropped and counted), and stores
 * the command, the exit code and the output. Re-running a subset replaces only those templates' lines.
 * Takes several minutes; not part of `npm test`.
 */
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Gen, causeLine, type Case, type Example, type Template } from './lib.js';
import { startServers, stopServers } from './servers.js';
import { templates } from './templates/index.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const OUT = path.resolve(ROOT, flag('--out') ?? 'data/triage/examples.jsonl');
const only = flag('--only')?.split(',');
const onlyTools = flag('--tool')?.split(',');
const CONCURRENCY = Number(flag('--jobs') ?? 2);
const MAX = Number(flag('--max') ?? Infinity);
const OUTPUT_CAP = 12_000;

// CI workspaces as the common systems name them; the temp dir is shown as one of these.
const WORKSPACES = ['/home/runner/work/{r}/{r}', '/builds/{o}/{r}', '/home/travis/build/{o}/{r}', '/workspace/{r}', '/home/circleci/project', '/var/lib/jenkins/workspace/{r}'];

function hashSeed(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function capOutput(s: string): string {
  if (s.length <= OUTPUT_CAP) return s;
  return s.slice(0, 8000) + '\n[... output truncated by the data set generator ...]\n' + s.slice(-4000);
}

async function runCase(c: Case, dir: string): Promise<{ code: number | null; output: string }> {
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

async function runTemplate(t: Template, stats: Map<string, { ok: number; dropped: number; why: string[] }>): Promise<Example[]> {
  const examples: Example[] = [];
  const st = { ok: 0, dropped: 0, why: [] as string[] };
  stats.set(t.id, st);
  const g = new Gen(hashSeed(t.id));
  for (let i = 0; i < Math.min(t.n, MAX); i++) {
    const c = t.make(g, i);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'suture-gen-'));
    try {
      const { code, output } = await runCase(c, dir);
      const ws = g.pick(WORKSPACES).replace(/\{r\}/g, g.pick(['app', 'service', 'api', 'web', 'core', 'platform', 'backend', 'tools'])).replace(/\{o\}/g, g.pick(['acme', 'team', 'org', 'infra', 'dev']));
      const shown = output.split(dir).join(ws).replace(/\/tmp\/suture-gen-[A-Za-z0-9]+/g, ws);
      const failed = t.mustFail === false || (code !== 0 && code !== null);
      if (!failed || !t.expect.test(shown)) {
        st.dropped++;
        if (st.why.length < 2) st.why.push(`exit ${code}: ${shown.slice(0, 300).replace(/\n/g, '⏎')}`);
        continue;
      }
      st.ok++;
      const ex: Example = {
        id: `${t.id}#${i}`,
        template: t.id,
        tool: t.tool,
        lang: t.lang,
        stage: t.stage,
        category: t.category,
        command: c.cmd,
        exit_code: code,
        output: capOutput(shown),
      };
      const cause = causeLine(t, shown);
      if (cause) ex.cause = cause;
      if (c.note) ex.note = c.note;
      examples.push(ex);
    } finally {
      await rm(dir, { recursive: true, force: true }).catch(() => {});
    }
  }
  return examples;
}

async function main(): Promise<void> {
  const chosen = templates.filter((t) => (!only || only.includes(t.id)) && (!onlyTools || onlyTools.includes(t.tool)));
  const ids = new Set<string>();
  for (const t of templates) {
    if (ids.has(t.id)) throw new Error(`duplicate template id ${t.id}`);
    ids.add(t.id);
  }
  await startServers();
  const stats = new Map<string, { ok: number; dropped: number; why: string[] }>();
  const results = new Map<string, Example[]>();
  const queue = [...chosen];
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let t = queue.shift(); t; t = queue.shift()) {
        const t0 = Date.now();
        results.set(t.id, await runTemplate(t, stats));
        const s = stats.get(t.id)!;
        process.stderr.write(`${t.id}: ${s.ok} ok, ${s.dropped} dropped (${((Date.now() - t0) / 1000).toFixed(1)}s)${s.why.length ? '\n   ' + s.why.join('\n   ') : ''}\n`);
      }
    }),
  );
  await stopServers();

  // Merge: keep lines of templates not re-run, in template order.
  const previous = existsSync(OUT) ? (await readFile(OUT, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as Example) : [];
  const byTemplate = new Map<string, Example[]>();
  for (const e of previous) if (ids.has(e.template)) (byTemplate.get(e.template) ?? byTemplate.set(e.template, []).get(e.template)!).push(e);
  for (const [id, exs] of results) byTemplate.set(id, exs);
  const lines: string[] = [];
  for (const t of templates) for (const e of byTemplate.get(t.id) ?? []) lines.push(JSON.stringify(e));
  await writeFile(OUT, lines.join('\n') + '\n');
  const ok = [...stats.values()].reduce((a, s) => a + s.ok, 0);
  const dropped = [...stats.values()].reduce((a, s) => a + s.dropped, 0);
  process.stderr.write(`\n${chosen.length} templates, ${ok} examples, ${dropped} dropped, ${((Date.now() - started) / 1000).toFixed(0)}s; ${lines.length} lines in ${path.relative(ROOT, OUT)}\n`);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
