import type { Metrics } from '../types.js';
import { duration, percent, usd } from './format.js';
import { sparkline } from './sparkline.js';
import { formatTable } from './table.js';

export interface StatsHeader {
  kind: string;
  location: string;
}

/** True when nothing at all happened in the window. */
export function isEmptyWindow(m: Metrics): boolean {
  return m.runs === 0 && m.failures === 0 && m.attempted === 0 && m.costUsd === 0 && m.byFixer.length === 0;
}

const day = (iso: string) => iso.slice(0, 10);

/** `suture stats` as text: headline figures, the metrics with their daily trend, then the breakdowns. */
export function formatStats(m: Metrics, store: StatsHeader, width = 60): string {
  const scope = m.repo ? ` · ${m.repo}` : '';
  let out = `suture stats${scope} · ${day(m.window.since)} → ${day(m.window.until)} · ${store.kind} ${store.location}\n\n`;
  const series = (pick: (d: Metrics['daily'][number]) => number) => sparkline(m.daily.map(pick), width);
  out += formatTable(
    ['metric', 'value', 'daily trend'],
    [
      ['runs', String(m.runs), series((d) => d.runs)],
      ['failures', `${m.failures}${m.flaky ? ` (${m.flaky} flaky)` : ''}`, series((d) => d.failures)],
      ['clusters healed', `${m.healed} of ${m.attempted}${m.proposed ? ` (+${m.proposed} proposed)` : ''}`, series((d) => d.healed)],
      ['mean time to fix', duration(m.meanTimeToFixMs), ''],
      ['fix success rate', percent(m.fixSuccessRate), ''],
      ['first-try success', percent(m.firstTrySuccessRate), ''],
      ['mean time to green', duration(m.meanTimeToGreenMs), ''],
      ['human escalation rate', percent(m.escalationRate), series((d) => d.escalated)],
      ['false fixes', String(m.falseFixes), ''],
      ['failure recurrence', percent(m.recurrenceRate), ''],
      ['flaky rate', percent(m.flakyRate), ''],
      ['cost', usd(m.costUsd), series((d) => d.costUsd)],
    ],
    ['l', 'r', 'l'],
  );
  if (m.byCategory.length) {
    out += '\nby category\n' + formatTable(
      ['category', 'failures', 'healed', 'escalated', 'fix rate'],
      m.byCategory.map((c) => [c.category, String(c.failures), String(c.healed), String(c.escalated), percent(c.fixSuccessRate)]),
      ['l', 'r', 'r', 'r', 'r'],
    );
  }
  if (m.byFixer.length) {
    out += '\nby fixer\n' + formatTable(
      ['fixer', 'attempts', 'healed', 'success', 'cost'],
      m.byFixer.map((f) => [f.fixer, String(f.attempts), String(f.healed), percent(f.successRate), usd(f.costUsd)]),
      ['l', 'r', 'r', 'r', 'r'],
    );
  }
  if (m.byRepo.length > 1 || (m.byRepo.length === 1 && !m.repo)) {
    out += '\nby repository\n' + formatTable(
      ['repository', 'runs', 'failures', 'healed', 'escalated', 'cost'],
      m.byRepo.map((r) => [r.repo || '(unknown)', String(r.runs), String(r.failures), String(r.healed), String(r.escalated), usd(r.costUsd)]),
      ['l', 'r', 'r', 'r', 'r', 'r'],
    );
  }
  return out;
}

/** What `suture stats` says when there is nothing to show: plainly, and what would fill it. */
export function formatEmpty(m: Metrics, store: StatsHeader, storeIsEmpty: boolean): string {
  const where = `${store.kind} store at ${store.location}`;
  const scope = m.repo ? ` for ${m.repo}` : '';
  return storeIsEmpty
    ? `No history yet: the ${where} is empty.\nRuns recorded by 'suture run' and 'suture heal' appear here.\n`
    : `No runs recorded${scope} between ${day(m.window.since)} and ${day(m.window.until)} in the ${where}.\nTry a longer window, e.g. --since 90d.\n`;
}
