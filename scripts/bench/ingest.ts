/**
 * `npm run bench:ingest`: suture's streaming JUnit parser against a plain read of the file and the
 * usual XML libraries, on a generated ~100 MB report and a ~1 GB one. Each tool runs in its own child
 * process (so peak RSS is that tool's alone), a few times; the best run is reported. Prints a Markdown
 * table. suture runs from dist/, built first, as bin/suture.js runs it. Options: --reps N (default 3),
 * --only-small (skip the 1 GB file), --dir D (keep the reports in D and reuse them on the next run),
 * --stack-bytes N (size of each failure's body, default 1500).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { childEnv } from '../../src/secrets/env.js';
import { writeReport, type ReportSpec, type ReportStats } from './ingest-report.js';

interface Measured {
  tool: string;
  times: number[];
  seen: { cases: number; failures: number };
  maxRssMb: number;
}

interface Row {
  file: string;
  mb: number;
  tool: string;
  result?: Measured;
  note?: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const TOOL_ORDER = ['read', 'suture', 'suture-failures', 'suture-iter', 'suture-scan', 'saxes', 'saxes+results', 'fast-xml-parser', 'xml2js'];
const DOM_TOOLS = new Set(['fast-xml-parser', 'xml2js']);
/** Rows shown under another name than the tool's. */
const LABELS: Record<string, string> = { 'suture-failures': 'suture (failures only, what `suture ingest` does by default)' };

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : (args[i + 1] ?? '');
};
const reps = Number(flag('--reps') ?? 3);
const onlySmall = args.includes('--only-small');
const keepDir = flag('--dir');
// The issue's report: ~450,000 cases, 10% failing with ~2 KB stacks in CDATA, ~100 MB. 45,000 stacks of
// 2 KB are 92 MB on their own, and 405,000 passing cases take ~30 MB however short, so both cannot hold
// exactly: ~1.5 KB stacks (the failing cases ~1.8 KB with their elements) give ~120 MB. --stack-bytes
// changes it (2000: ~142 MB).
const stackBytes = Number(flag('--stack-bytes') ?? 1500);

const REPORTS: Array<{ label: string; spec: ReportSpec; reps: number }> = [
  { label: '100 MB', spec: { cases: 450_000, failEvery: 10, casesPerSuite: 100, stackBytes }, reps },
  ...(onlySmall ? [] : [{ label: '1 GB', spec: { cases: 4_500_000, failEvery: 10, casesPerSuite: 100, stackBytes }, reps: 1 }]),
];

async function prepare(dir: string, label: string, spec: ReportSpec): Promise<{ file: string; stats: ReportStats }> {
  const file = path.join(dir, `junit-${spec.cases}-${spec.stackBytes}.xml`);
  const statsFile = file + '.json';
  if (fs.existsSync(file) && fs.existsSync(statsFile)) return { file, stats: JSON.parse(fs.readFileSync(statsFile, 'utf8')) as ReportStats };
  process.stderr.write(`generating the ${label} report (${spec.cases} test cases) in ${dir} ...\n`);
  const stats = await writeReport(file, spec);
  fs.writeFileSync(statsFile, JSON.stringify(stats));
  return { file, stats };
}

/**
 * The tools' harness as plain JavaScript, so every row runs in a bare `node` as users run suture (a
 * TypeScript loader in each process would add its own memory and time to every row). Written under
 * node_modules/.cache so the libraries still resolve.
 */
function compileTools(): string {
  const source = fs.readFileSync(path.join(here, 'ingest-tools.ts'), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const out = path.join(repoRoot, 'node_modules/.cache/suture-bench/ingest-tools.mjs');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, js);
  return out;
}

let toolsScript = '';

function measure(tool: string, file: string, n: number): Measured | string {
  const heap = DOM_TOOLS.has(tool) ? ['--max-old-space-size=12288'] : [];
  const r = spawnSync(process.execPath, [...heap, toolsScript, tool, file, String(n), path.join(repoRoot, 'dist')], {
    cwd: repoRoot,
    env: childEnv(),
    encoding: 'utf8',
    timeout: 30 * 60_000,
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) return `failed: ${(r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').filter(Boolean).pop()}`;
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Measured;
}

function table(rows: Row[]): string {
  const best = (row: Row | undefined): number | undefined => (row?.result ? Math.min(...row.result.times) : undefined);
  const speed = (row: Row | undefined): number | undefined => {
    const t = best(row);
    return row && t !== undefined ? row.mb / (t / 1000) : undefined;
  };
  const out = ['| report | tool | best time (s) | MB/s | peak RSS (MB) | suture is ... | test cases seen |', '|---|---|---:|---:|---:|---|---:|'];
  for (const row of rows) {
    const same = rows.filter((r) => r.file === row.file);
    const sutureSpeed = speed(same.find((r) => r.tool === 'suture'));
    const mine = speed(row);
    if (!row.result) {
      out.push(`| ${row.file} | ${LABELS[row.tool] ?? row.tool} | – | – | – | ${row.note ?? ''} | – |`);
      continue;
    }
    const ratio = row.tool === 'suture' || sutureSpeed === undefined || mine === undefined ? '' : `${(sutureSpeed / mine).toFixed(2)}x its speed`;
    const seen = row.tool === 'read' ? '' : `${row.result.seen.cases} (${row.result.seen.failures} failing)`;
    out.push(`| ${row.file} | ${LABELS[row.tool] ?? row.tool} | ${(best(row)! / 1000).toFixed(2)} | ${mine!.toFixed(0)} | ${row.result.maxRssMb.toFixed(0)} | ${ratio} | ${seen} |`);
  }
  return out.join('\n');
}

/** Compiles src/ to dist/ (the package users run); the suture rows load it from there. */
function build(): void {
  process.stderr.write('building dist/ ...\n');
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/typescript7/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: repoRoot, env: childEnv(), encoding: 'utf8' });
  // Other areas' type errors do not stop the emit; a missing ingest module would fail the suture rows.
  if (r.status !== 0 && !fs.existsSync(path.join(repoRoot, 'dist/ingest/index.js'))) throw new Error(`build failed: ${r.stdout}${r.stderr}`);
}

async function main(): Promise<void> {
  build();
  toolsScript = compileTools();
  const loadAtStart = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  const dir = keepDir ? path.resolve(keepDir) : fs.mkdtempSync(path.join(os.tmpdir(), 'suture-bench-'));
  fs.mkdirSync(dir, { recursive: true });
  const rows: Row[] = [];
  const notes: string[] = [];
  try {
    for (const { label, spec, reps: n } of REPORTS) {
      const { file, stats } = await prepare(dir, label, spec);
      const mb = stats.bytes / 1e6;
      notes.push(`${label} report: ${mb.toFixed(1)} MB, ${stats.cases} test cases, ${stats.failures} failing with ${stats.avgStackBytes}-byte stacks in CDATA, ${stats.skipped} skipped.`);
      for (const tool of TOOL_ORDER) {
        const row: Row = { file: label, mb, tool };
        rows.push(row);
        if (label === '1 GB' && DOM_TOOLS.has(tool)) {
          row.note = 'skipped: needs the whole file as one string, over V8\'s ~512 M-character limit';
          continue;
        }
        process.stderr.write(`${label}: ${tool} ...\n`);
        const r = measure(tool, file, n);
        if (typeof r === 'string') row.note = r;
        else {
          row.result = r;
          if (tool !== 'read' && (r.seen.cases !== stats.cases || r.seen.failures !== stats.failures)) row.note = `saw ${r.seen.cases}/${r.seen.failures}, expected ${stats.cases}/${stats.failures}`;
        }
      }
    }
  } finally {
    if (!keepDir) fs.rmSync(dir, { recursive: true, force: true });
  }
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  process.stdout.write(`${table(rows)}\n\n${notes.join('\n')}\nBest of ${reps} runs (1 GB: 1 run), each tool in its own process; Node ${process.version}, ${os.cpus().length} CPUs, load average (1, 5, 15 min) at the start ${loadAtStart}, at the end ${load}.\n`);
  const problems = rows.filter((r) => r.note && r.result);
  if (problems.length) process.stdout.write(problems.map((r) => `WARNING ${r.file} ${r.tool}: ${r.note}`).join('\n') + '\n');
}

await main();
