import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding, Severity, Verdict } from '../events/index.js';
import { rules } from '../guard/rules/index.js';
import { VERSION } from '../version.js';

const LEVEL: Record<Severity, Result.level> = { block: 'error', approval: 'warning', warn: 'warning', info: 'note' };
const HELP = 'https://github.com/suture-dev/suture/blob/main/docs/guard.md';

/** Findings the decision adds (risk, approval) are not rules in the registry but still get descriptors. */
const EXTRA: Record<string, string> = {
  risk: 'The patch is riskier than the policy allows to apply without review',
  approval: 'Recorded approvals of this patch hash',
};

/**
 * SARIF 2.1.0 for code-scanning UIs (GitHub code scanning, VS Code SARIF viewer): one run, every guard
 * rule as a reportingDescriptor, one result per finding. SARIF allows results without a location, but
 * GitHub code scanning requires one: findings about the whole patch (its size, total coverage) are
 * placed on `patchFile` (the patch's first file) when given, marked `properties.patchLevel`.
 */
export function renderSarif(verdict: Verdict, opts: { subject?: string; patchFile?: string } = {}): Log {
  const used = new Set(verdict.findings.map((f) => f.rule));
  const descriptors: ReportingDescriptor[] = rules.map((r) => ({
    id: r.id,
    name: r.id.replace(/(^|-)(\w)/g, (_, _d: string, c: string) => c.toUpperCase()),
    shortDescription: { text: r.description },
    helpUri: `${HELP}#${r.id}`,
    defaultConfiguration: { level: LEVEL[r.severity] },
  }));
  for (const id of used) {
    if (!descriptors.some((d) => d.id === id)) descriptors.push({ id, shortDescription: { text: EXTRA[id] ?? id }, helpUri: HELP });
  }
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  const results: Result[] = verdict.findings.map((f: Finding) => {
    const r: Result = { ruleId: f.rule, ruleIndex: index.get(f.rule)!, level: LEVEL[f.severity], message: { text: f.message } };
    const file = f.file ?? opts.patchFile;
    if (file) {
      r.locations = [{ physicalLocation: { artifactLocation: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' }, ...(f.file && f.line ? { region: { startLine: f.line } } : {}) } }];
      if (!f.file) r.properties = { patchLevel: true };
    }
    return r;
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'suture guard', semanticVersion: VERSION, informationUri: HELP, rules: descriptors } },
        results,
        invocations: [{ executionSuccessful: true }],
        properties: { decision: verdict.decision, risk: verdict.risk, ...(verdict.patchHash ? { patchHash: verdict.patchHash } : {}), ...(opts.subject ? { subject: opts.subject } : {}) },
      },
    ],
  };
}
