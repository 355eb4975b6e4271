import { stringify } from 'yaml';
import type { ClusterOutcome, HealResult } from '../heal/types.js';
import { firstLine, passCriteria, taskFailures } from './task-parts.js';


/** Files a person (or an agent) should open first: where the failures point, then the repo's own docs. */
function relatedDocs(o: ClusterOutcome, repoDocs: string[]): string[] {
  const files = new Set<string>();
  for (const e of o.events) {
    if (e.file) files.add(e.line ? `${e.file}:${e.line}` : e.file);
    for (const m of (e.stack ?? '').matchAll(/(?:\(|\s)((?:[\w.-]+\/)*[\w.-]+\.(?:ts|tsx|js|mjs|cjs|py|go|rs|java)):(\d+)/g)) {
      if (!m[1]!.includes('node_modules')) files.add(`${m[1]}:${m[2]}`);
    }
  }
  return [...files].slice(0, 15).concat(repoDocs);
}

/**
 * `.suture/tasks/fix-<id>.yaml`: an escalated cluster handed to a person or a coding agent with
 * everything the run learned: the failures, what "done" means, an approach, what was tried and why
 * it was rejected, and where to look.
 */
export function buildTaskContext(o: ClusterOutcome, r: HealResult, repoDocs: string[]): string {
  const c = o.cluster;
  const failures = taskFailures(o.events);
  const acceptance = [
    ...passCriteria(o.events, c.testIds),
    `The full test suite has no new failures and no fewer tests than before (baseline: ${r.baseline.totals.tests} tests)`,
    '`suture guard` passes the change: no skipped, deleted or weakened tests, no suppressions, no swallowed errors',
  ];
  const tried = o.attempts.map((a) => `${a.fixer} -> ${a.outcome}: ${a.reason}`);
  const approach = [c.suggestedFix, ...o.notes.filter((n) => n.result !== 'pass').map((n) => `${n.fixer} (${n.result}): ${n.reason}`)].filter(Boolean);
  const doc = {
    id: `fix-${o.id}`,
    title: `Fix ${c.category} failure: ${firstLine(c.representative.message) || c.representative.test_id}`,
    fingerprint: c.fingerprint,
    category: c.category,
    stage: c.stage,
    confidence: c.confidence,
    risk: c.risk,
    root_cause: c.rootCause,
    why_escalated: o.reason,
    failures,
    acceptance_criteria: acceptance,
    approach,
    tried_by_suture: tried,
    related_docs: relatedDocs(o, repoDocs),
    run: { id: r.runId, head: r.head ?? null, tool: 'suture heal' },
  };
  return stringify(doc, { lineWidth: 0 });
}
