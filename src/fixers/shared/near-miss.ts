/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition), the measure compilers
 * use for their own "did you mean". Small strings only; O(a*b).
 */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[m]![n]!;
}

/** How far a near miss may be: one edit for short names, two from seven characters on. */
export function maxDistanceFor(name: string): number {
  if (name.length <= 2) return 0;
  return name.length < 7 ? 1 : 2;
}

export type NearMiss = { ok: true; name: string; distance: number } | { ok: false; reason: string };

/**
 * The unique closest candidate within the allowed distance. A case-only difference beats any edit.
 * Ties at the best distance are refused: guessing between two plausible names is not deterministic.
 */
export function uniqueNearMiss(wrong: string, candidates: Iterable<string>): NearMiss {
  const limit = maxDistanceFor(wrong);
  const scored: Array<{ name: string; score: number }> = [];
  for (const c of new Set(candidates)) {
    if (c === wrong) continue;
    if (c.toLowerCase() === wrong.toLowerCase()) {
      scored.push({ name: c, score: 0.5 });
      continue;
    }
    const dist = editDistance(wrong, c);
    if (dist <= limit) scored.push({ name: c, score: dist });
  }
  if (scored.length === 0) return { ok: false, reason: `no name within ${limit} edit(s) of '${wrong}' is in scope` };
  scored.sort((x, y) => x.score - y.score || x.name.localeCompare(y.name));
  const best = scored[0]!;
  const tied = scored.filter((s) => s.score === best.score);
  if (tied.length > 1) {
    return { ok: false, reason: `'${wrong}' is equally close to ${tied.map((t) => `'${t.name}'`).join(', ')}: ambiguous` };
  }
  return { ok: true, name: best.name, distance: best.score };
}
