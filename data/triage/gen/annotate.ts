/**
 * Adds `cause` (the output line that states the cause, by each template's pattern) to every example of
 * a data set file that lacks it. Run after a generation made before `cause` existed:
 *   npx tsx data/triage/gen/annotate.ts [data/triage/examples.jsonl]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { causeLine, type Example } from './lib.js';
import { templates } from './templates/index.js';

const file = process.argv[2] ?? 'data/triage/examples.jsonl';
const byId = new Map(templates.map((t) => [t.id, t]));
let added = 0;
const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => {
  const e = JSON.parse(l) as Example;
  const t = byId.get(e.template);
  if (t) {
    const c = causeLine(t, e.output);
    if (c && c !== e.cause) {
      e.cause = c;
      added++;
    }
  }
  return JSON.stringify(e);
});
writeFileSync(file, lines.join('\n') + '\n');
process.stderr.write(`${added} causes set in ${file}\n`);
