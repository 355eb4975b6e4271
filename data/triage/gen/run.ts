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
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Gen, causeLine, type Example, type Template } from './lib.js';
import { WORKSPACES, capOutput, hashSeed, runCase, showAsWorkspace } from './run-case.js';
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
      const shown = showAsWorkspace(output, dir, ws);
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
        stage: c.stage ?? t.stage,
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
