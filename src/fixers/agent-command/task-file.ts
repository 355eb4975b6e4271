import { stringify } from 'yaml';
import type { FixContext } from '../types.js';

/**
 * The task-context YAML handed to an agent with the prompt: the same facts in a form tools can read
 * (the shape of the heal report's `.suture/tasks/fix-<id>.yaml`). The caller redacts it.
 */
export function taskYaml(ctx: Pick<FixContext, 'cluster' | 'events' | 'previousAttempts' | 'runId'>): string {
  const c = ctx.cluster;
  const repro = [...new Set(ctx.events.map((e) => e.repro_cmd).filter((x): x is string => !!x))];
  const doc = {
    id: `fix-${c.fingerprint.replace(/[^\w-]/g, '').slice(-12)}`,
    title: `Fix ${c.category} failure: ${firstLine(c.representative.message) || c.representative.test_id}`,
    fingerprint: c.fingerprint,
    category: c.category,
    stage: c.stage,
    confidence: c.confidence,
    root_cause: c.rootCause,
    failures: ctx.events.slice(0, 20).map((e) => ({
      test: e.test_id,
      kind: e.kind,
      ...(e.file ? { file: e.file } : {}),
      ...(e.line ? { line: e.line } : {}),
      message: e.message.slice(0, 2000),
      ...(e.repro_cmd ? { repro: e.repro_cmd } : {}),
    })),
    acceptance_criteria: [
      ...(repro.length > 0 ? repro.slice(0, 5).map((cmd) => `\`${cmd}\` passes`) : c.testIds.slice(0, 5).map((t) => `${t} passes`)),
      'The full test suite has no new failures and no fewer tests than before',
      'No test is skipped, deleted or weakened; no error is swallowed',
    ],
    approach: [c.suggestedFix].filter(Boolean),
    tried_by_suture: ctx.previousAttempts.filter((a) => a.fixer !== 'none').map((a) => `${a.fixer} -> ${a.outcome}: ${a.reason}`),
    run: { id: ctx.runId, tool: 'suture heal' },
  };
  return stringify(doc, { lineWidth: 0 });
}

function firstLine(s: string): string {
  return (s.split('\n').find((l) => l.trim() !== '') ?? '').trim().slice(0, 160);
}
