import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const SECRET = 'sk-live-d41d8cd98f00b204e9800998ecf8427e';

/** A node:test project whose failing test prints a value from the repository's .env file. */
function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'suture-run-history-'));
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'leaky', type: 'module', scripts: { test: 'node --test' } }));
  writeFileSync(path.join(root, '.env'), `PAYMENT_API_KEY=${SECRET}\n`);
  mkdirSync(path.join(root, 'test'));
  writeFileSync(
    path.join(root, 'test', 'pay.test.js'),
    [
      "import { test } from 'node:test';",
      "import assert from 'node:assert/strict';",
      "import { readFileSync } from 'node:fs';",
      "const key = readFileSync(new URL('../.env', import.meta.url), 'utf8').split('=')[1].trim();",
      "test('charges', () => { console.log('using key', key); assert.equal(`charged with ${key}`, 'charged'); });",
      "test('refunds', () => { assert.equal(1, 1); });",
      '',
    ].join('\n'),
  );
  return root;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join((e as { parentPath?: string }).parentPath ?? dir, e.name));
}

describe('suture run: history and secrets', { timeout: 120_000 }, () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('records the run in the store and keeps a printed .env secret out of every file it writes', async () => {
    root = project();
    const out = path.join(root, 'reports');
    const r = await runCli(['run', root, '--out', out, '--reruns', '0', '--no-checks'], { env: { CI: 'true' } });
    expect(r.code, r.stderr).toBe(1);
    const events = readFileSync(path.join(out, 'events.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(events.map((e) => e.name)).toEqual(['charges']);
    expect(events[0].message).toContain('[REDACTED:dotenv]');
    for (const f of filesUnder(out)) expect(readFileSync(f, 'utf8'), f).not.toContain(SECRET);
    expect(r.stdout + r.stderr).not.toContain(SECRET);

    const stats = await runCli(['stats', '--json', '--since', '1d'], { cwd: root });
    expect(stats.code, stats.stderr).toBe(0);
    const m = JSON.parse(stats.stdout);
    expect(m.runs).toBe(1);
    expect(m.failures).toBe(1);
  });

  it('still writes the events when the store is corrupt, then exits 4', async () => {
    root = project();
    mkdirSync(path.join(root, '.suture'));
    writeFileSync(path.join(root, '.suture', 'suture.db'), 'this is not a database'.repeat(100));
    const out = path.join(root, 'reports');
    const r = await runCli(['run', root, '--out', out, '--reruns', '0', '--no-checks'], { env: { CI: 'true' } });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/E_STORE_CORRUPT/);
    expect(readFileSync(path.join(out, 'events.ndjson'), 'utf8')).toMatch(/"name":"charges"/);
  });
});
