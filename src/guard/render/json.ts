import { sortedFindings, type VerdictReport } from './shared.js';

/** Machine-readable verdict (stable keys: decision, risk, patchHash, findings, patch). */
export function renderJson(r: VerdictReport): string {
  const v = r.verdict;
  return `${JSON.stringify(
    {
      decision: v.decision,
      risk: v.risk,
      patchHash: v.patchHash,
      subject: r.subject,
      dryRun: r.dryRun === true,
      patch: { files: r.files, linesAdded: r.linesAdded, linesRemoved: r.linesRemoved },
      findings: sortedFindings(v.findings),
    },
    null,
    2,
  )}\n`;
}
