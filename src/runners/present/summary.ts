import pc from 'picocolors';
import type { FailureEvent, RunOutcome } from '../../events/index.js';

function location(e: FailureEvent): string {
  return e.file ? `${e.file}${e.line ? `:${e.line}` : ''}` : (e.package ?? '');
}

function title(e: FailureEvent): string {
  return [e.suite, e.name].filter(Boolean).join(' > ') || e.test_id;
}

/** `suture run`'s human summary: totals, then each failure with where, why and how to reproduce it. */
export function formatSummary(outcome: RunOutcome, eventsPath: string, maxShown = 30): string {
  const t = outcome.totals;
  const ms = Date.parse(outcome.finishedAt) - Date.parse(outcome.startedAt);
  const lines: string[] = [];
  const real = outcome.events.filter((e) => e.status !== 'flaky');
  const flaky = outcome.events.filter((e) => e.status === 'flaky');
  const head = `${t.tests} results: ${t.passed} passed, ${t.failed} failed, ${t.errored} errored, ${t.flaky} flaky, ${t.skipped} skipped (${(ms / 1000).toFixed(1)}s)`;
  lines.push('', real.length ? pc.red(pc.bold(head)) : pc.green(pc.bold(head)));
  for (const e of real.slice(0, maxShown)) {
    lines.push(`  ${pc.red(e.status.toUpperCase().padEnd(7))} ${pc.dim(`[${e.kind}/${e.framework}]`)} ${title(e)}  ${pc.dim(location(e))}`);
    const msg = e.message.split('\n').find((l) => l.trim() !== '') ?? '';
    if (msg) lines.push(`          ${msg.slice(0, 200)}`);
    if (e.repro_cmd) lines.push(`          ${pc.dim(`repro: ${e.repro_cmd}`)}`);
  }
  if (real.length > maxShown) lines.push(`  ... and ${real.length - maxShown} more in the events file`);
  for (const e of flaky.slice(0, maxShown)) {
    const ev = e.flaky;
    lines.push(`  ${pc.yellow('FLAKY  ')} ${pc.dim(`[${e.framework}]`)} ${title(e)}  ${pc.dim(ev ? `failed ${ev.failures} of ${ev.runs} runs (${ev.source})` : '')}`);
  }
  lines.push(`events: ${eventsPath}`);
  return lines.join('\n') + '\n';
}
