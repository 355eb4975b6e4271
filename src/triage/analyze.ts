/** One failure as history keeps it: what `triage analyze` reads from the store or from event files. */
export interface HistoryEvent {
  run_id: string;
  test_id: string;
  ts: string;
  status: string;
  category?: string;
  fingerprint?: string;
  stage?: string;
}

export interface Trends {
  window: { from: string | null; to: string | null };
  events: number;
  runs: number;
  tests: number;
  flakyShare: number;
  topCategories: Array<{ category: string; count: number; share: number; runs: number; change: number | null }>;
  recurring: Array<{ fingerprint: string; category: string; runs: number; occurrences: number; firstSeen: string; lastSeen: string }>;
  flakiestTests: Array<{ testId: string; flaky: number; failures: number }>;
  daily: Array<{ day: string; failures: number }>;
}

const DAY = 86_400_000;

/**
 * Trends over failure history, as a pure function so the same analysis runs over the store's rows or
 * over NDJSON files. `change` compares the last 7 days with the 7 before (null without both).
 */
export function analyzeHistory(rows: Iterable<HistoryEvent>, opts: { top?: number; since?: string } = {}): Trends {
  const top = opts.top ?? 10;
  const cats = new Map<string, { count: number; runs: Set<string>; recent: number; before: number }>();
  const fps = new Map<string, { category: string; runs: Set<string>; occurrences: number; first: string; last: string }>();
  const tests = new Map<string, { flaky: number; failures: number }>();
  const days = new Map<string, number>();
  const runs = new Set<string>();
  let events = 0;
  let flaky = 0;
  let from: string | null = null;
  let to: string | null = null;
  const buffered: HistoryEvent[] = [];
  for (const r of rows) {
    if (opts.since && r.ts < opts.since) continue;
    buffered.push(r);
    if (to === null || r.ts > to) to = r.ts;
  }
  const end = to ? Date.parse(to) : 0;
  for (const r of buffered) {
    events++;
    runs.add(r.run_id);
    if (from === null || r.ts < from) from = r.ts;
    const isFlaky = r.status === 'flaky' || r.category === 'flaky';
    if (isFlaky) flaky++;
    const cat = r.category ?? 'unknown';
    const c = cats.get(cat) ?? cats.set(cat, { count: 0, runs: new Set(), recent: 0, before: 0 }).get(cat)!;
    c.count++;
    c.runs.add(r.run_id);
    const age = end - Date.parse(r.ts);
    if (age < 7 * DAY) c.recent++;
    else if (age < 14 * DAY) c.before++;
    if (r.fingerprint) {
      const f = fps.get(r.fingerprint) ?? fps.set(r.fingerprint, { category: cat, runs: new Set(), occurrences: 0, first: r.ts, last: r.ts }).get(r.fingerprint)!;
      f.runs.add(r.run_id);
      f.occurrences++;
      if (r.ts < f.first) f.first = r.ts;
      if (r.ts > f.last) f.last = r.ts;
    }
    const t = tests.get(r.test_id) ?? tests.set(r.test_id, { flaky: 0, failures: 0 }).get(r.test_id)!;
    t.failures++;
    if (isFlaky) t.flaky++;
    const day = r.ts.slice(0, 10);
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  const hasTwoWeeks = from !== null && end - Date.parse(from) >= 7 * DAY;
  return {
    window: { from, to },
    events,
    runs: runs.size,
    tests: tests.size,
    flakyShare: events ? flaky / events : 0,
    topCategories: [...cats]
      .map(([category, c]) => ({ category, count: c.count, share: c.count / events, runs: c.runs.size, change: hasTwoWeeks && c.before > 0 ? (c.recent - c.before) / c.before : null }))
      .sort((a, b) => b.count - a.count)
      .slice(0, top),
    recurring: [...fps]
      .filter(([, f]) => f.runs.size >= 2)
      .map(([fingerprint, f]) => ({ fingerprint, category: f.category, runs: f.runs.size, occurrences: f.occurrences, firstSeen: f.first, lastSeen: f.last }))
      .sort((a, b) => b.runs - a.runs || b.occurrences - a.occurrences)
      .slice(0, top),
    flakiestTests: [...tests]
      .filter(([, t]) => t.flaky > 0)
      .map(([testId, t]) => ({ testId, flaky: t.flaky, failures: t.failures }))
      .sort((a, b) => b.flaky - a.flaky)
      .slice(0, top),
    daily: [...days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, failures]) => ({ day, failures })),
  };
}
