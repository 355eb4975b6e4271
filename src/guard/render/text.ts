import pc from 'picocolors';
import { DECISION_TEXT, sortedFindings, where, type VerdictReport } from './shared.js';

const colour = { pass: pc.green, 'needs-approval': pc.yellow, block: pc.red } as const;
const sevColour = { block: pc.red, approval: pc.yellow, warn: pc.yellow, info: pc.dim } as const;

/** Terminal output: the decision, then one line per finding with file:line, severity and rule. */
export function renderText(r: VerdictReport): string {
  const v = r.verdict;
  const lines = [
    `${colour[v.decision](pc.bold(DECISION_TEXT[v.decision]))}  risk ${v.risk}  ${r.files} file(s) +${r.linesAdded} -${r.linesRemoved}  (${r.subject})${r.dryRun ? pc.dim('  [dry run]') : ''}`,
    `patch ${v.patchHash ?? '-'}`,
  ];
  const findings = sortedFindings(v.findings);
  if (findings.length === 0) lines.push(pc.dim('no findings'));
  for (const f of findings) lines.push(`  ${where(f)}  ${sevColour[f.severity](f.severity)}  ${pc.dim(`[${f.rule}]`)} ${f.message}`);
  if (v.decision === 'needs-approval' && v.patchHash) lines.push(pc.dim(`approve with: suture guard approve ${v.patchHash} --by <name>`));
  return `${lines.join('\n')}\n`;
}
