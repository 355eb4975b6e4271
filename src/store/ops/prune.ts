import type { SqlDriver } from '../driver.js';
import { TABLES } from '../tables.js';
import { toMs } from '../time.js';

/**
 * Deletes history older than `olderThan` in one transaction. Learned knowledge (playbooks, approvals,
 * breaker state) and the patches it refers to are kept: they are what makes the next run better.
 */
export async function prune(db: SqlDriver, olderThan: string): Promise<number> {
  const cutoff = toMs(olderThan, 'olderThan');
  return db.tx(async (x) => {
    let deleted = 0;
    for (const t of TABLES) {
      if ('pruneBy' in t) deleted += await x.run(`DELETE FROM ${t.name} WHERE ${t.pruneBy} < ?`, [cutoff]);
    }
    deleted += await x.run(
      `DELETE FROM patches WHERE created_at < ? AND hash NOT IN (SELECT patch_hash FROM playbooks)
         AND hash NOT IN (SELECT patch_hash FROM approvals) AND hash NOT IN (SELECT patch_hash FROM attempts WHERE patch_hash IS NOT NULL)`,
      [cutoff],
    );
    return deleted;
  });
}
