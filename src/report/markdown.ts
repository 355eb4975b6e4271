import type { ClusterOutcome, HealResult } from '../heal/types.js';
import { countResolutions, patchFile, taskFile } from './fix-proposal.js';

const ICON: Record<string, string> = { healed: '✅', proposed: '📝', escalated: '🚨', flaky: '🎲', skipped: '⏭️' };

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? '' : `${(ms / 1000).toFixed(1)} s`;
}

function clusterSection(c: ClusterOutcome): string[] {
  const lines = [`### ${ICON[c.resolution] ?? ''} ${c.id}: ${c.cluster.category} (${c.resolution})`, ''];
  lines.push(`- **Root cause:** ${c.cluster.rootCause || 'unknown'}`);
  lines.push(`- **Confidence:** ${c.cluster.confidence.toFixed(2)} · **risk:** ${c.cluster.risk.toFixed(2)} · **fingerprint:** \`${c.cluster.fingerprint}\``);
  lines.push(`- **Outcome:** ${c.reason}`);
  lines.push(`- **Failing tests:** ${c.cluster.testIds.slice(0, 8).map((t) => `\`${t}\``).join(', ')}${c.cluster.testIds.length > 8 ? ` and ${c.cluster.testIds.length - 8} more` : ''}`);
  if (c.fixer) lines.push(`- **Fixer:** ${c.fixer}${c.fixSummary ? `: ${c.fixSummary}` : ''}`);
  if (c.patch && !c.healedBy) lines.push(`- **Patch:** \`${patchFile(c)}\` (${c.patch.files.length} file(s), +${c.patch.linesAdded}/-${c.patch.linesRemoved})${c.applied ? ', applied' : ''}${c.commit ? ` in ${c.commit.slice(0, 10)}` : ''}`);
  if (c.verdict) lines.push(`- **Guard:** ${c.verdict.decision}, risk ${c.verdict.risk}${c.verdict.findings.length ? `: ${c.verdict.findings.map((f) => `${f.rule} (${f.severity})`).join(', ')}` : ''}`);
  if (c.resolution === 'escalated') lines.push(`- **Task:** \`${taskFile(c)}\``);
  const attempts = c.attempts;
  if (attempts.length > 0) {
    lines.push('', '| # | fixer | outcome | tests run | time | reason |', '|---|---|---|---|---|---|');
    for (const a of attempts) lines.push(`| ${a.attempt} | ${a.fixer} | ${a.outcome} | ${a.testsRun} | ${seconds(a.durationMs)} | ${cell(a.reason)} |`);
  }
  if (c.patch && !c.healedBy && c.patch.diff.length < 8000) lines.push('', '```diff', c.patch.diff.trimEnd(), '```');
  lines.push('');
  return lines;
}

/** The human-readable report of a heal run (`.suture/heal-report.md`; also fits a PR comment). */
export function renderMarkdown(r: HealResult): string {
  const n = countResolutions(r.clusters);
  const lines = [
    '# suture heal report',
    '',
    `Run \`${r.runId}\` on \`${r.head?.slice(0, 10) ?? '(no commits)'}\`${r.dryRun ? ' (dry run)' : ''}: ${r.baseline.failures} failure(s) in ${r.baseline.totals.tests} test(s), ${r.clusters.length} cluster(s).`,
    '',
    `**${n.healed} healed · ${n.proposed} proposed · ${n.escalated} escalated · ${n.flaky} flaky**${n.applied ? ` · ${n.applied} applied` : ''} · ${r.testRuns} test command(s), ${seconds(r.testTimeMs)} in tests, ${seconds(r.durationMs)} total`,
    '',
  ];
  if (r.applyNote) lines.push(`> ${r.applyNote}`, '');
  if (r.clusters.length > 0) {
    lines.push('| cluster | category | tests | result | fixer | attempts | time to green |', '|---|---|---|---|---|---|---|');
    for (const c of r.clusters) {
      lines.push(`| ${c.id} | ${c.cluster.category} | ${c.cluster.testIds.length} | ${ICON[c.resolution] ?? ''} ${c.resolution} | ${c.fixer ?? ''} | ${c.attempts.filter((a) => a.patch).length} | ${seconds(c.timeToGreenMs)} |`);
    }
    lines.push('');
  }
  if (r.commandProblems.length > 0) {
    lines.push('## Test command problems', '');
    for (const p of r.commandProblems) {
      lines.push(`- \`${p.command}\` (${p.package}): ${p.problem}`);
      if (p.excerpt) lines.push('', '  ```', ...p.excerpt.split('\n').map((l) => `  ${l}`), '  ```');
    }
    lines.push('');
  }
  if (r.clusters.length > 0) lines.push('## Clusters', '', ...r.clusters.flatMap(clusterSection));
  if (r.warnings.length > 0) lines.push('## Warnings', '', ...r.warnings.map((w) => `- ${w}`), '');
  return lines.join('\n');
}
