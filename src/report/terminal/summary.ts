import pc from 'picocolors';
import type { ClusterOutcome, HealResult } from '../../heal/types.js';
import { countResolutions } from '../fix-proposal.js';

export type Colors = ReturnType<typeof pc.createColors>;

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

function secs(ms: number | undefined): string {
  return ms === undefined ? '-' : `${(ms / 1000).toFixed(1)}s`;
}

export function resolutionColor(c: Colors, r: ClusterOutcome['resolution']): (s: string) => string {
  return r === 'healed' ? c.green : r === 'proposed' ? c.yellow : r === 'escalated' ? c.red : r === 'flaky' ? c.magenta : c.dim;
}

/** The final table: one row per cluster with what happened and which fixer won, then totals and outputs. */
export function renderSummary(r: HealResult, c: Colors, width = 100): string {
  const n = countResolutions(r.clusters);
  const out: string[] = [''];
  if (r.clusters.length === 0 && r.commandProblems.length === 0) {
    out.push(c.green(`✔ all green: ${r.baseline.totals.passed}/${r.baseline.totals.tests} tests passing, nothing to heal`));
  } else if (r.clusters.length > 0) {
    const head = ['cluster', 'category', 'tests', 'result', 'fixer', 'tries', 'green in', 'note'];
    const rows = r.clusters.map((o) => [
      o.id,
      o.cluster.category,
      String(o.cluster.testIds.length),
      o.resolution,
      o.fixer ?? '-',
      String(o.attempts.filter((a) => a.patch).length),
      o.timeToGreenMs !== undefined ? secs(o.timeToGreenMs) : '-',
      o.applied ? (o.commit ? `committed ${o.commit.slice(0, 8)}` : 'applied') : o.reason,
    ]);
    const widths = head.map((h, i) => Math.min(24, Math.max(h.length, ...rows.map((row) => row[i]!.length))));
    const fixed = widths.slice(0, -1).reduce((a, b) => a + b + 2, 2);
    widths[widths.length - 1] = Math.max(20, width - fixed);
    out.push(c.bold(`  ${head.map((h, i) => pad(h, widths[i]!)).join('  ')}`.trimEnd()));
    r.clusters.forEach((o, k) => {
      const cells = rows[k]!.map((v, i) => pad(truncate(v, widths[i]!), widths[i]!));
      cells[3] = resolutionColor(c, o.resolution)(cells[3]!);
      out.push(`  ${cells.join('  ')}`.trimEnd());
    });
  }
  for (const p of r.commandProblems) out.push(c.red(`  ✖ test command failed: ${p.command} (${p.package}): ${p.problem}`));
  out.push('');
  const parts = [c.green(`${n.healed} healed`), c.yellow(`${n.proposed} proposed`), c.red(`${n.escalated} escalated`), c.magenta(`${n.flaky} flaky`)];
  out.push(
    `${parts.join(' · ')}${n.applied ? ` · ${n.applied} applied` : ''}  ${c.dim(`(baseline ${r.baseline.failures} failing of ${r.baseline.totals.tests}; ${r.testRuns} test runs, ${secs(r.testTimeMs)} in tests, ${secs(r.durationMs)} total)`)}`,
  );
  if (r.applyNote) out.push(c.yellow(`  ${r.applyNote}`));
  if (r.dryRun) out.push(c.dim('  dry run: nothing was written or applied'));
  else if (r.outputs.length > 0) out.push(c.dim(`  wrote ${r.outputs.filter((p) => !p.includes('/patches/') && !p.includes('/tasks/')).join(', ')} (+${r.outputs.length} files in all)`));
  const healedNotApplied = r.clusters.some((o) => o.resolution === 'healed' && !o.applied && !o.healedBy);
  const healedPatch = r.outputs.find((p) => p.endsWith('patches/healed.patch'));
  const allPatch = r.outputs.find((p) => p.endsWith(n.applied > 0 ? 'patches/proposed.patch' : 'patches/all.patch'));
  if (healedNotApplied && !r.dryRun) out.push(c.dim(`  apply the verified fixes with \`suture heal --apply\`${healedPatch ? ` (or \`git apply ${healedPatch}\`)` : ''}`));
  if (n.proposed > 0 && allPatch && !r.dryRun) out.push(c.dim(`  review the proposals in ${r.outputs.find((p) => p.endsWith('heal-report.md')) ?? 'the report'}; ${n.applied > 0 ? 'the rest' : 'every verified fix'} together: \`git apply ${allPatch}\``));
  return `${out.join('\n')}\n`;
}
