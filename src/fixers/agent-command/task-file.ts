import { stringify } from 'yaml';
import { firstLine, passCriteria, taskFailures } from '../../report/task-parts.js';
import type { FixContext } from '../types.js';

/**
 * The task-context YAML handed to an agent with the prompt: the same facts in a form tools can read
 * (the shape of the heal report's `.suture/tasks/fix-<id>.yaml`). The caller redacts it.
 */
export function taskYaml(ctx: Pick<FixContext, 'cluster' | 'events' | 'previousAttempts' | 'runId'>): string {
  const c = ctx.cluster;
  const doc = {
    id: `fix-${c.fingerprint.replace(/[^\w-]/g, '').slice(-12)}`,
    title: `Fix ${c.category} failure: ${firstLine(c.representative.message) || c.representative.test_id}`,
    fingerprint: c.fingerprint,
    category: c.category,
    stage: c.stage,
    confidence: c.confidence,
    root_cause: c.rootCause,
    failures: taskFailures(ctx.events),
    acceptance_criteria: [
      ...passCriteria(ctx.events, c.testIds),
      'The full test suite has no new failures and no fewer tests than before',
      'No test is skipped, deleted or weakened; no error is swallowed',
    ],
    approach: [c.suggestedFix].filter(Boolean),
    tried_by_suture: ctx.previousAttempts.filter((a) => a.fixer !== 'none').map((a) => `${a.fixer} -> ${a.outcome}: ${a.reason}`),
    run: { id: ctx.runId, tool: 'suture heal' },
  };
  return stringify(doc, { lineWidth: 0 });
}
