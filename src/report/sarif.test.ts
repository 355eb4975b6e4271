import { describe, expect, it } from 'vitest';
import type { Verdict } from '../events/index.js';
import { RULE_IDS } from '../guard/rules/ids.js';
import { renderSarif } from './sarif.js';

const verdict: Verdict = {
  decision: 'needs-approval',
  risk: 'medium',
  patchHash: 'f'.repeat(64),
  findings: [
    { rule: 'protected-paths', severity: 'approval', message: 'package.json is protected', file: 'web app/package.json', line: 3 },
    { rule: 'patch-size', severity: 'approval', message: 'the patch changes 3 files (limit 2)' },
    { rule: 'risk', severity: 'approval', message: 'risk medium is above the auto-apply level low' },
    { rule: 'openapi-drift', severity: 'info', message: 'non-breaking API change', file: 'api.yaml' },
  ],
};

describe('SARIF 2.1.0', () => {
  const log = renderSarif(verdict, { subject: 'origin/main...HEAD' });
  const run = log.runs[0]!;

  it('describes every guard rule plus the decision findings used', () => {
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver.rules!.map((r) => r.id)).toEqual([...RULE_IDS, 'risk']);
    expect(run.tool.driver.rules![0]).toMatchObject({ id: 'patch-size', name: 'PatchSize', defaultConfiguration: { level: 'warning' } });
  });

  it('maps severities to levels and findings to located results', () => {
    expect(run.results!.map((r) => [r.ruleId, r.level])).toEqual([['protected-paths', 'warning'], ['patch-size', 'warning'], ['risk', 'warning'], ['openapi-drift', 'note']]);
    expect(run.results![0]!.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'web%20app/package.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 3 } } }]);
    expect(run.results![1]!.locations).toBeUndefined();
    // GitHub needs a location on every result: patch-level findings go on the patch's first file.
    const placed = renderSarif(verdict, { patchFile: 'src/a.ts' }).runs[0]!.results![1]!;
    expect(placed).toMatchObject({ locations: [{ physicalLocation: { artifactLocation: { uri: 'src/a.ts' } } }], properties: { patchLevel: true } });
    expect(placed.locations![0]!.physicalLocation!.region).toBeUndefined();
    expect(run.results![3]!.locations![0]!.physicalLocation!.region).toBeUndefined();
    for (const r of run.results!) expect(run.tool.driver.rules![r.ruleIndex!]!.id).toBe(r.ruleId);
  });

  it('carries the decision, risk and patch hash as run properties', () => {
    expect(run.properties).toEqual({ decision: 'needs-approval', risk: 'medium', patchHash: 'f'.repeat(64), subject: 'origin/main...HEAD' });
  });
});
