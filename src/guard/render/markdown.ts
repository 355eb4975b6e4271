import { DECISION_TEXT, sortedFindings, type VerdictReport } from './shared.js';

const ICON = { pass: '✅', 'needs-approval': '⚠️', block: '⛔' } as const;

/** Escapes what would break a table cell. */
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A pull-request comment: decision, risk, and a findings table. */
export function renderMarkdown(r: VerdictReport): string {
  const v = r.verdict;
  const out = [
    `### ${ICON[v.decision]} suture guard: ${DECISION_TEXT[v.decision]}`,
    '',
    `Risk **${v.risk}** · ${r.files} file(s), +${r.linesAdded} −${r.linesRemoved} · ${cell(r.subject)}${r.dryRun ? ' · dry run' : ''}`,
    '',
    `Patch \`${v.patchHash ?? '-'}\``,
    '',
  ];
  const findings = sortedFindings(v.findings);
  if (findings.length === 0) out.push('No findings.');
  else {
    out.push('| Severity | Rule | Where | Finding |', '|---|---|---|---|');
    for (const f of findings) out.push(`| ${f.severity} | \`${f.rule}\` | ${f.file ? `\`${cell(f.file)}${f.line ? `:${f.line}` : ''}\`` : '—'} | ${cell(f.message)} |`);
  }
  if (v.decision === 'needs-approval' && v.patchHash) out.push('', `Approve with \`suture guard approve ${v.patchHash} --by <name>\`.`);
  return `${out.join('\n')}\n`;
}
