import type { FailureEvent } from '../events/index.js';

const MAX_FAILURES = 20;

/**
 * The parts a task file (the heal report's `.suture/tasks/fix-<id>.yaml`) and the agent fixer's task
 * share, so a person and an agent read the same failures and the same definition of done.
 */
export function taskFailures(events: readonly FailureEvent[]) {
  return events.slice(0, MAX_FAILURES).map((e) => ({
    test: e.test_id,
    kind: e.kind,
    ...(e.file ? { file: e.file } : {}),
    ...(e.line ? { line: e.line } : {}),
    message: e.message.slice(0, 2000),
    ...(e.repro_cmd ? { repro: e.repro_cmd } : {}),
  }));
}

/** "Done" as commands that must pass (the repro commands), else the test ids that must pass. */
export function passCriteria(events: readonly FailureEvent[], testIds: readonly string[]): string[] {
  const repro = [...new Set(events.map((e) => e.repro_cmd).filter((x): x is string => !!x))];
  return repro.length > 0 ? repro.slice(0, 5).map((cmd) => `\`${cmd}\` passes`) : testIds.slice(0, 5).map((t) => `${t} passes`);
}

export function firstLine(s: string): string {
  return (s.split('\n').find((l) => l.trim() !== '') ?? '').trim().slice(0, 160);
}
