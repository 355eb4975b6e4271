/**
 * Builds the labelled grouping set (data/triage/grouping.jsonl) for the fingerprint: for a sample of
 * templates, a few distinct broken inputs each (different failures with similar text), each run three
 * times: as is, re-run in another workspace (new temp paths, ports, timings), and after an unrelated
 * "next commit" that shifts every line of the code down and renames nothing the failure depends on.
 * Same group = same root cause. Real tool output throughout.
 *
 *   npx tsx data/triage/gen/grouping.ts [--variants 3] [--templates 60]
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Gen, causeLine, type Case, type Template } from './lib.js';
import { runCaseIn } from './run-case.js';
import { startServers, stopServers } from './servers.js';
import { templates } from './templates/index.js';
import { groupOf } from './one-cause.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const args = process.argv.slice(2);
const flag = (n: string, d: number): number => (args.includes(n) ? Number(args[args.indexOf(n) + 1]) : d);
const VARIANTS = flag('--variants', 3);
const MAX_TEMPLATES = flag('--templates', 60);

const COMMENT: Array<[RegExp, string]> = [
  [/\.py$/, '# maintenance: reorder imports\n\n'],
  [/\.(?:[cm]?[jt]sx?|go|rs|java|kt|c|h)$/, '// maintenance: reorder imports\n\n'],
];

/** The "next commit": two lines added at the top of every source file, so every line number moves. */
function nextCommit(c: Case): Case {
  const files: Record<string, string> = {};
  for (const [p, content] of Object.entries(c.files)) {
    const prefix = COMMENT.find(([re]) => re.test(p))?.[1];
    files[p] = prefix && !content.startsWith('#!') && !/^package |^\/\/ Jest Snapshot|^\/\/ Vitest Snapshot/.test(content) ? prefix + content : content;
  }
  return { ...c, files };
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

async function main(): Promise<void> {
  // A spread of tools: every template family, slow ones (maven) left out, sampled deterministically.
  const pool = templates.filter((t) => !/^mvn-|oom|timeout|net-timeout|pip-network|npm-network/.test(t.id)).sort((a, b) => hash(a.id) - hash(b.id)).slice(0, MAX_TEMPLATES);
  await startServers();
  const rows: string[] = [];
  let dropped = 0;
  for (const t of pool as Template[]) {
    const g = new Gen(hash(t.id) ^ 0x5eed);
    for (let v = 0; v < VARIANTS; v++) {
      const base = t.make(g, v);
      const runs: Array<[string, Case]> = [['base', base], ['rerun', base], ['commit', nextCommit(base)]];
      for (const [kind, c] of runs) {
        const { code, output } = await runCaseIn(c, `${t.id}-${v}-${kind}`);
        if (code === 0 || !t.expect.test(output)) {
          dropped++;
          continue;
        }
        rows.push(JSON.stringify({ id: `${t.id}#${v}:${kind}`, group: groupOf(`${t.id}#${v}:${kind}`, t.id), template: t.id, tool: t.tool, lang: t.lang, stage: t.stage, category: t.category, run: kind, command: c.cmd, exit_code: code, output: output.length > 12000 ? output.slice(0, 8000) + '\n[... truncated ...]\n' + output.slice(-4000) : output, cause: causeLine(t, output) }));
      }
    }
    process.stderr.write(`${t.id}: ${rows.length} rows so far\n`);
  }
  await stopServers();
  const out = path.join(ROOT, 'data/triage/grouping.jsonl');
  await writeFile(out, rows.join('\n') + '\n');
  process.stderr.write(`${rows.length} rows (${dropped} runs dropped) in ${path.relative(ROOT, out)}\n`);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
