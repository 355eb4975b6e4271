import type { SqlDriver } from '../driver.js';
import type { Metrics, MetricsQuery } from '../types.js';
import { DAY_MS, dayString, toIso, toMs } from '../time.js';

/** The daily series is filled day by day up to this many days; longer windows list only days with data. */
const MAX_FILLED_DAYS = 400;

interface DayAgg { runs: number; failures: number; healed: number; escalated: number; costUsd: number }
interface RepoAgg { runs: number; failures: number; healed: number; escalated: number; costUsd: number }
interface CategoryAgg { failures: number; healed: number; proposed: number; escalated: number }

function ratio(n: number, d: number): number | null {
  return d > 0 ? n / d : null;
}

/**
 * Every metric is a query over the window [since, until), grouped small in SQL and folded in JS: each
 * big table is scanned at most twice (events: once grouped by repo/category/day, once by failure key).
 */
export async function computeMetrics(db: SqlDriver, q: MetricsQuery, now = Date.now()): Promise<Metrics> {
  const since = toMs(q.since, 'since');
  const until = q.until ? toMs(q.until, 'until') : now;
  const repoSql = q.repo === undefined ? '' : ' AND repo = ?';
  const params = q.repo === undefined ? [since, until] : [since, until, q.repo];
  const args = () => params;

  const [eventGroups, recurrence, runGroups, green, outcomeGroups, falseFixes, fixers, costs] = await Promise.all([
    db.all<{ repo: string; category: string | null; day: number; n: number; flaky: number }>(
      // Grouped by plain columns in index order (events_by_category_day): a scan without a sort.
      `SELECT repo, category, day, count(*) AS n, count(*) FILTER (WHERE status = 'flaky') AS flaky
         FROM events WHERE ts >= ? AND ts < ?${repoSql} GROUP BY repo, category, day`,
      args(),
    ),
    // A failure key (fingerprint, else test id) recurs when it failed in more than one run.
    db.all<{ keys: number; recurring: number }>(
      `SELECT count(*) AS keys, count(*) FILTER (WHERE first_run <> last_run) AS recurring FROM (
         SELECT min(run_id) AS first_run, max(run_id) AS last_run FROM events
          WHERE ts >= ? AND ts < ? AND status <> 'flaky'${repoSql} GROUP BY repo, fkey) k`,
      args(),
    ),
    db.all<{ repo: string; day: number; n: number }>(
      `SELECT repo, started_at / ${DAY_MS} AS day, count(*) AS n FROM runs WHERE started_at >= ? AND started_at < ?${repoSql} GROUP BY 1, 2`,
      args(),
    ),
    // Time to green: from a red (or healed) run's start to the end of the first green run on the same
    // repository and branch that started at or after it (the run itself, when it healed). A running
    // minimum over the branch's runs, newest first, finds that run for every run in one sorted pass
    // (greens after the window count, so the inner query is not limited to it).
    db.all<{ ms: number | null }>(
      `SELECT avg(g.finished_at - t.started_at) AS ms FROM (
         SELECT repo, branch, started_at, status,
                MIN(CASE WHEN status IN ('passed', 'healed') AND finished_at IS NOT NULL THEN started_at END)
                  OVER (PARTITION BY repo, branch ORDER BY started_at DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS green_start
           FROM runs${q.repo === undefined ? '' : ' WHERE repo = ?'}) t
       JOIN runs g ON g.repo = t.repo AND g.branch = t.branch AND g.started_at = t.green_start
                  AND g.status IN ('passed', 'healed') AND g.finished_at IS NOT NULL
      WHERE t.started_at >= ? AND t.started_at < ? AND t.status IN ('failed', 'healed')`,
      q.repo === undefined ? [since, until] : [q.repo, since, until],
    ),
    db.all<{ repo: string; category: string; day: number; resolution: string; n: number; first_try: number; ttf_sum: number | null; ttf_n: number }>(
      `SELECT repo, category, at / ${DAY_MS} AS day, resolution, count(*) AS n, count(*) FILTER (WHERE attempts = 1) AS first_try,
              sum(time_to_fix_ms) FILTER (WHERE resolution IN ('healed', 'proposed')) AS ttf_sum,
              count(time_to_fix_ms) FILTER (WHERE resolution IN ('healed', 'proposed')) AS ttf_n
         FROM outcomes WHERE at >= ? AND at < ?${repoSql} GROUP BY 1, 2, 3, 4`,
      args(),
    ),
    // A false fix: healed, then the same root cause was seen again in a later run.
    db.all<{ n: number }>(
      `SELECT count(*) AS n FROM outcomes o WHERE o.at >= ? AND o.at < ? AND o.resolution = 'healed'${repoSql.replace('repo', 'o.repo')}
          AND (o.false_fix = 1 OR EXISTS (SELECT 1 FROM cluster_sightings s WHERE s.repo = o.repo AND s.fingerprint = o.fingerprint
                                            AND s.seen_at > o.at AND s.run_id <> o.run_id))`,
      args(),
    ),
    db.all<{ fixer: string; n: number; healed: number; cost: number | null }>(
      `SELECT fixer, count(*) AS n, count(*) FILTER (WHERE outcome = 'healed') AS healed, sum(cost_usd) AS cost
         FROM attempts WHERE started_at >= ? AND started_at < ?${repoSql} GROUP BY fixer`,
      args(),
    ),
    db.all<{ repo: string; day: number; usd: number }>(
      `SELECT repo, at / ${DAY_MS} AS day, sum(usd) AS usd FROM model_calls WHERE at >= ? AND at < ?${repoSql} GROUP BY 1, 2`,
      args(),
    ),
  ]);

  const days = new Map<number, DayAgg>();
  const repos = new Map<string, RepoAgg>();
  const cats = new Map<string, CategoryAgg>();
  const day = (d: number) => days.get(d) ?? days.set(d, { runs: 0, failures: 0, healed: 0, escalated: 0, costUsd: 0 }).get(d)!;
  const repo = (r: string) => repos.get(r) ?? repos.set(r, { runs: 0, failures: 0, healed: 0, escalated: 0, costUsd: 0 }).get(r)!;
  const cat = (c: string) => cats.get(c || 'uncategorized') ?? cats.set(c || 'uncategorized', { failures: 0, healed: 0, proposed: 0, escalated: 0 }).get(c || 'uncategorized')!;

  let failures = 0, flaky = 0, runs = 0, costUsd = 0;
  for (const g of eventGroups) {
    failures += g.n; flaky += g.flaky;
    day(g.day).failures += g.n; repo(g.repo).failures += g.n; cat(g.category ?? '').failures += g.n;
  }
  for (const g of runGroups) { runs += g.n; day(g.day).runs += g.n; repo(g.repo).runs += g.n; }
  for (const g of costs) { costUsd += g.usd; day(g.day).costUsd += g.usd; repo(g.repo).costUsd += g.usd; }

  let healed = 0, proposed = 0, escalated = 0, firstTry = 0, ttfSum = 0, ttfN = 0;
  for (const g of outcomeGroups) {
    if (g.resolution === 'healed') { healed += g.n; day(g.day).healed += g.n; repo(g.repo).healed += g.n; cat(g.category).healed += g.n; }
    else if (g.resolution === 'proposed') { proposed += g.n; cat(g.category).proposed += g.n; }
    else if (g.resolution === 'escalated') { escalated += g.n; day(g.day).escalated += g.n; repo(g.repo).escalated += g.n; cat(g.category).escalated += g.n; }
    if (g.resolution === 'healed' || g.resolution === 'proposed') { firstTry += g.first_try; ttfSum += g.ttf_sum ?? 0; ttfN += g.ttf_n; }
  }
  const attempted = healed + proposed + escalated;
  const rec = recurrence[0] ?? { keys: 0, recurring: 0 };

  return {
    window: { since: toIso(since), until: toIso(until) },
    ...(q.repo !== undefined ? { repo: q.repo } : {}),
    runs,
    failures,
    flaky,
    attempted,
    healed,
    proposed,
    escalated,
    meanTimeToFixMs: ttfN > 0 ? ttfSum / ttfN : null,
    fixSuccessRate: ratio(healed + proposed, attempted),
    firstTrySuccessRate: ratio(firstTry, attempted),
    meanTimeToGreenMs: green[0]?.ms ?? null,
    escalationRate: ratio(escalated, attempted),
    falseFixes: falseFixes[0]?.n ?? 0,
    recurrenceRate: ratio(rec.recurring, rec.keys),
    flakyRate: ratio(flaky, failures),
    costUsd,
    byCategory: [...cats].map(([category, c]) => ({
      category, failures: c.failures, healed: c.healed, escalated: c.escalated,
      fixSuccessRate: ratio(c.healed + c.proposed, c.healed + c.proposed + c.escalated),
    })).sort((a, b) => b.failures - a.failures || a.category.localeCompare(b.category)),
    byFixer: fixers.map((f) => ({ fixer: f.fixer, attempts: f.n, healed: f.healed, successRate: f.n ? f.healed / f.n : 0, costUsd: f.cost ?? 0 }))
      .sort((a, b) => b.attempts - a.attempts || a.fixer.localeCompare(b.fixer)),
    byRepo: [...repos].map(([r, a]) => ({ repo: r, ...a })).sort((a, b) => b.failures - a.failures || a.repo.localeCompare(b.repo)),
    daily: dailySeries(days, since, until),
  };
}

function dailySeries(days: Map<number, DayAgg>, since: number, until: number): Metrics['daily'] {
  const first = Math.floor(since / DAY_MS);
  const last = Math.floor((until - 1) / DAY_MS);
  const keys = last - first + 1 <= MAX_FILLED_DAYS ? Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i) : [...days.keys()].sort((a, b) => a - b);
  const zero: DayAgg = { runs: 0, failures: 0, healed: 0, escalated: 0, costUsd: 0 };
  return keys.map((d) => ({ day: dayString(d), ...(days.get(d) ?? zero) }));
}
