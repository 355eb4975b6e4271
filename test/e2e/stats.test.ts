import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { seedHistory } from '../../src/store/testing/seed.js';
import { ADAPTER_KINDS, makeTarget, type TestTarget } from '../../src/store/testing/targets.js';
import type { Metrics } from '../../src/store/types.js';
import { runCli } from './run-cli.js';

/** Writes the target's store section into the repo's suture.yml so the CLI finds the same store. */
function writeConfig(t: TestTarget): void {
  const store = t.kind === 'postgres' ? { schema: t.schema } : { adapter: 'sqlite' };
  writeFileSync(path.join(t.root, 'suture.yml'), stringify({ store }));
}

const WINDOW = ['--since', '2026-03-01', '--until', '2026-03-08'];

describe.each(ADAPTER_KINDS)('suture stats on %s', (kind) => {
  let t: TestTarget;
  let expected: Metrics;
  beforeAll(async () => {
    t = makeTarget(kind);
    writeConfig(t);
    const store = await t.open();
    await seedHistory(store);
    expected = await store.metrics({ since: '2026-03-01T00:00:00.000Z', until: '2026-03-08T00:00:00.000Z' });
    await store.close();
  });
  afterAll(() => t.cleanup());

  it('prints the recorded history\'s metrics as JSON for tools', async () => {
    const r = await runCli(['stats', t.root, ...WINDOW, '--json'], { env: t.env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const m = JSON.parse(r.stdout) as Metrics;
    expect(m).toEqual(expected);
    expect(m).toMatchObject({ runs: 7, failures: 8, healed: 2, fixSuccessRate: 0.75, falseFixes: 1 });
  });

  it('prints a table with daily sparklines and the breakdowns', async () => {
    const r = await runCli(['stats', t.root, ...WINDOW], { env: t.env });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^suture stats · 2026-03-01 → 2026-03-08 · ${kind} `));
    const row = (label: string) => lines.find((l) => l.startsWith(label))?.replace(/\s+/g, ' ');
    expect(row('runs')).toBe('runs 7 ███▅▁▁▁');
    expect(row('clusters healed')).toBe('clusters healed 2 of 4 (+1 proposed) █▁█▁▁▁▁');
    expect(row('mean time to fix')).toBe('mean time to fix 5m 40s');
    expect(row('mean time to green')).toBe('mean time to green 1h 16m');
    expect(row('fix success rate')).toBe('fix success rate 75%');
    expect(row('human escalation rate')).toBe('human escalation rate 25% █▁▁▁▁▁▁');
    expect(row('flaky rate')).toBe('flaky rate 12.5%');
    expect(row('cost')).toBe('cost $0.35 ▄▁█▁▁▁▁');
    expect(row('llm')).toBe('llm 3 1 33.3% $0.15');
    expect(row('assertion')).toBe('assertion 4 1 1 50%');
    expect(row('acme/api')).toBe('acme/api 2 1 1 0 $0.25');
  });

  it('narrows to one repository', async () => {
    const r = await runCli(['stats', t.root, ...WINDOW, '--repo', 'acme/api', '--json'], { env: t.env });
    expect(JSON.parse(r.stdout)).toMatchObject({ repo: 'acme/api', runs: 2, failures: 1, healed: 1 });
  });

  it('says plainly when the window holds nothing', async () => {
    const r = await runCli(['stats', t.root, '--since', '2025-01-01', '--until', '2025-02-01'], { env: t.env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^No runs recorded between 2025-01-01 and 2025-02-01 in the (sqlite|postgres) store at .*\nTry a longer window, e.g. --since 90d.\n$/);
  });
});

describe('suture stats without history', () => {
  it('says there is no history and creates nothing', async () => {
    const t = makeTarget('sqlite');
    try {
      writeConfig(t);
      const r = await runCli(['stats', t.root], { env: t.env });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`No history yet: there is no sqlite store at ${t.root}/.suture/suture.db.\nRuns recorded by 'suture run' and 'suture heal' create it.\n`);
      expect(existsSync(path.join(t.root, '.suture'))).toBe(false);
      const json = await runCli(['stats', t.root, '--json'], { env: t.env });
      expect(JSON.parse(json.stdout)).toMatchObject({ runs: 0, failures: 0, fixSuccessRate: null, byRepo: [] });
    } finally {
      await t.cleanup();
    }
  });

  it('refuses a window it cannot read, with a usage error', async () => {
    const r = await runCli(['stats', '.', '--since', 'last tuesday']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option '--since <when>' argument 'last tuesday' is invalid. expected a duration (30d, 12h, 2w) or a date (2026-03-01)");
  });
});
