import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { guardConfigSchema } from '../config.js';
import { RULE_IDS } from './ids.js';
import { rules } from './index.js';

const dir = fileURLToPath(new URL('.', import.meta.url));
const ruleFiles = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !['index.ts', 'ids.ts', 'types.ts'].includes(f));

describe('rule registry', () => {
  it('registers every rule file once, in RULE_IDS order', () => {
    expect(rules.map((r) => r.id)).toEqual([...RULE_IDS]);
    expect(ruleFiles.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...RULE_IDS].sort());
  });

  it('gives each rule its own test file, a description and a severity', () => {
    for (const f of ruleFiles) expect(readdirSync(dir)).toContain(f.replace(/\.ts$/, '.test.ts'));
    for (const r of rules) {
      expect(r.description.length).toBeGreaterThan(20);
      expect(['info', 'warn', 'approval', 'block']).toContain(r.severity);
    }
  });

  it('accepts per-rule settings for every rule and rejects unknown rule names', () => {
    const all = Object.fromEntries(RULE_IDS.map((id) => [id, { enabled: false, severity: 'warn' }]));
    expect(guardConfigSchema.parse({ rules: all }).rules['ci-lenient']).toEqual({ enabled: false, severity: 'warn' });
    expect(guardConfigSchema.safeParse({ rules: { 'no-such-rule': {} } }).success).toBe(false);
  });
});
