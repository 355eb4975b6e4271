import { stringify } from 'yaml';
import type { ClusterOutcome, HealResult } from '../heal/types.js';

const MAX_FAILURES = 20;

function firstLine(s: string): string {
  return (s.split('\n').find((l) => l.trim() !== '') ?? '').trim().slice(0, 160);
}

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
  const failures = o.events.slice(0, MAX_FAILURES).map((e) => ({
    test: e.test_id,
    kind: e.kind,
    ...(e.file ? { file: e.file } : {}),
    ...(e.line ? { line: e.line } : {}),
    message: e.message.slice(0, 2000),
    ...(e.repro_cmd ? { repro: e.repro_cmd } : {}),
  }));
  const repro = o.events.map((e) => e.repro_cmd).filter((x): x is string => !!x);
  const acceptance = [
    ...(repro.length > 0 ? repro.slice(0, 5).map((cmd) => `\`${cmd}\` passes`) : c.testIds.slice(0, 5).map((t) => `${t} passes`)),
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
