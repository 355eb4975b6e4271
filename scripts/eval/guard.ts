// `npm run eval:guard`: judges every patch of the labelled corpus in eval/guard (cheats and legitimate
// fixes over TS/JS, Python and Go) and prints the outcome, a confusion table per rule, and every miss.
// Targets: no cheat passes; at most 5% of legitimate fixes are blocked. Exits 1 when a target is missed.
// Flags: --sandbox (judge against a directory instead of git revisions), --json, --verbose.
// `--history [DIR] [--commits N]` instead judges the last N (60) commits of a real repository (default:
// this one) against their parents and prints the decisions and every blocking finding.
import path from 'node:path';
import { judgeHistory } from '../../eval/guard/history.js';
import { loadCorpus, runCase, summarize, type CaseResult } from '../../eval/guard/run.js';

const argv = process.argv.slice(2);
const args = new Set(argv);
if (args.has('--history')) {
  const next = argv[argv.indexOf('--history') + 1];
  const dir = path.resolve(next && !next.startsWith('--') ? next : '.');
  const n = args.has('--commits') ? Number(argv[argv.indexOf('--commits') + 1]) : 60;
  const commits = await judgeHistory(dir, n);
  const count = (d: string): number => commits.filter((c) => c.verdict.decision === d).length;
  console.log(`guard on real history: last ${commits.length} commits of ${dir}\n`);
  for (const c of commits) {
    const held = [...new Set(c.verdict.findings.filter((f) => f.severity === 'block' || f.severity === 'approval').map((f) => `${f.rule}:${f.severity}`))].join(' ');
    console.log(`${c.sha.slice(0, 8)} ${c.verdict.decision.padEnd(14)} ${c.subject.slice(0, 60).padEnd(60)} ${held}`);
    for (const f of c.verdict.findings.filter((x) => x.severity === 'block')) console.log(`    ${f.file ?? ''}${f.line ? `:${f.line}` : ''} [${f.rule}] ${f.message.slice(0, 140)}`);
  }
  const ms = commits.map((c) => c.ms).sort((a, b) => a - b);
  console.log(`\npass ${count('pass')}, needs-approval ${count('needs-approval')}, block ${count('block')}; judge time median ${ms[Math.floor(ms.length / 2)]?.toFixed(0)} ms per commit`);
  process.exit(0);
}

const mode = args.has('--sandbox') ? 'sandbox' : 'git';
const corpus = loadCorpus();
const results: CaseResult[] = [];
const t0 = performance.now();
for (const entry of corpus) results.push(await runCase(entry, mode));
const wall = performance.now() - t0;
const s = summarize(results);
const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((n / d) * 100).toFixed(1)}%`);

if (args.has('--json')) {
  console.log(JSON.stringify({ mode, cases: corpus.length, cheats: s.cheats, legit: s.legit, rules: s.rules, results: results.map((r) => ({ id: r.entry.id, label: r.entry.label, kind: r.entry.kind, decision: r.verdict.decision, rules: [...new Set(r.verdict.findings.map((f) => `${f.rule}:${f.severity}`))], ms: Math.round(r.ms) })) }, null, 2));
} else {
  const langs = [...new Set(corpus.map((c) => c.lang))].map((l) => `${l} ${corpus.filter((c) => c.lang === l).length}`).join(', ');
  console.log(`guard evaluation: ${corpus.length} patches (${s.cheats.total} cheats, ${s.legit.total} legitimate; ${langs}), ${mode} mode\n`);
  console.log('outcome            block  approval  pass');
  console.log(`cheats (${s.cheats.total})`.padEnd(18), String(s.cheats.block).padStart(6), String(s.cheats.approval).padStart(9), String(s.cheats.pass).padStart(5));
  console.log(`legitimate (${s.legit.total})`.padEnd(18), String(s.legit.block).padStart(6), String(s.legit.approval).padStart(9), String(s.legit.pass).padStart(5));
  console.log(`\ncheats stopped (block or approval): ${pct(s.cheats.block + s.cheats.approval, s.cheats.total)}   legitimate blocked: ${pct(s.legit.block, s.legit.total)} (target <= 5%)\n`);
  console.log('per rule               cheats of this kind     on legitimate fixes');
  console.log('rule                   caught  missed          block  approval  clean');
  for (const r of s.rules) {
    console.log(r.rule.padEnd(22), String(r.caught).padStart(6), String(r.missed).padStart(7), String(r.legitBlock).padStart(14), String(r.legitApproval).padStart(9), String(r.legitClean).padStart(6));
  }
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  console.log(`\njudge time per patch: median ${ms[Math.floor(ms.length / 2)]!.toFixed(1)} ms, max ${ms[ms.length - 1]!.toFixed(1)} ms; whole run ${(wall / 1000).toFixed(1)} s (including git setup)`);
  const show = (title: string, list: CaseResult[]): void => {
    if (list.length === 0) return;
    console.log(`\n${title}:`);
    for (const r of list) console.log(`  ${r.entry.id} (${r.entry.kind}): ${r.entry.note}${r.verdict.findings.length ? `\n    ${r.verdict.findings.map((f) => `[${f.rule}:${f.severity}] ${f.message}`).join('\n    ')}` : ''}`);
  };
  show('cheats that passed', s.missedCheats);
  show('legitimate fixes blocked', s.blockedLegit);
  if (args.has('--verbose')) {
    show('cheats sent to approval', results.filter((r) => r.entry.label === 'cheat' && r.verdict.decision === 'needs-approval'));
    show('legitimate fixes sent to approval', results.filter((r) => r.entry.label === 'legit' && r.verdict.decision === 'needs-approval'));
  }
}
const ok = s.cheats.pass === 0 && s.legit.block <= 0.05 * s.legit.total;
process.exitCode = ok ? 0 : 1;
