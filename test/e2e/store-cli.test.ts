import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { seedHistory } from '../../src/store/testing/seed.js';
import { testDatabaseUrl } from '../../src/store/testing/postgres.js';
import { makeTarget, type TestTarget } from '../../src/store/testing/targets.js';
import { runCli } from './run-cli.js';

const targets: TestTarget[] = [];
afterEach(async () => {
  for (const t of targets.splice(0)) await t.cleanup();
});
function target(kind: TestTarget['kind'], store: Record<string, unknown> = {}): TestTarget {
  const t = makeTarget(kind, store);
  targets.push(t);
  writeFileSync(path.join(t.root, 'suture.yml'), stringify({ store: kind === 'postgres' ? { schema: t.schema, ...store } : { adapter: 'sqlite', ...store } }));
  return t;
}
async function seeded(kind: TestTarget['kind']): Promise<TestTarget> {
  const t = target(kind);
  const s = await t.open();
  await seedHistory(s);
  await s.close();
  return t;
}
const noStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at /m);

describe('suture store', () => {
  it('info shows adapter, location and schema version', async () => {
    const t = await seeded('sqlite');
    const r = await runCli(['store', 'info', t.root]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`adapter         sqlite\nlocation        ${t.root}/.suture/suture.db\nschema version  2 (this suture: 2)\nrows            42\n`);
    const pg = target('postgres');
    const j = await runCli(['store', 'info', pg.root, '--json'], { env: { SUTURE_DATABASE_URL: testDatabaseUrl().replace('postgres@', 'postgres:pw-do-not-print@') } });
    expect(JSON.parse(j.stdout)).toMatchObject({ kind: 'postgres', schemaVersion: 2, latestVersion: 2, rows: { runs: 0 } });
    expect(j.stdout).toContain('postgres:****@');
    expect(j.stdout).not.toContain('pw-do-not-print');
  });

  it('moves history from SQLite to PostgreSQL through export and import', async () => {
    const from = await seeded('sqlite');
    const file = path.join(from.root, 'history.ndjson');
    const ex = await runCli(['store', 'export', from.root, '--out', file]);
    expect(ex.code).toBe(0);
    expect(ex.stderr).toBe(`exported 42 rows from ${from.root}/.suture/suture.db to ${file}\n`);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(43);

    const to = target('postgres');
    const im = await runCli(['store', 'import', file, to.root], { env: to.env });
    expect(im.stdout).toMatch(/^imported 42 new rows from .*history.ndjson into postgres /);
    const again = await runCli(['store', 'import', file, to.root], { env: to.env });
    expect(again.stdout).toMatch(/^imported 0 new rows/);
    const a = JSON.parse((await runCli(['store', 'info', from.root, '--json'])).stdout);
    const b = JSON.parse((await runCli(['store', 'info', to.root, '--json'], { env: to.env })).stdout);
    expect(b.rows).toEqual(a.rows);
    const window = ['--since', '2026-03-01', '--until', '2026-03-08', '--json'];
    expect((await runCli(['stats', to.root, ...window], { env: to.env })).stdout).toBe((await runCli(['stats', from.root, ...window])).stdout);

    // Export to stdout is the same NDJSON.
    const piped = await runCli(['store', 'export', from.root]);
    expect(piped.stdout.split('\n').slice(1)).toEqual(readFileSync(file, 'utf8').split('\n').slice(1));
  });

  it('export does not overwrite a file unless asked', async () => {
    const t = await seeded('sqlite');
    const file = path.join(t.root, 'keep.ndjson');
    writeFileSync(file, 'mine\n');
    const r = await runCli(['store', 'export', t.root, '--out', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[E_OUTPUT_EXISTS]');
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
    expect((await runCli(['store', 'export', t.root, '--out', file, '--force'])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^\{"table":"_meta"/);
  });

  it('import names the line of a bad file and imports nothing from it', async () => {
    const t = target('sqlite');
    const file = path.join(t.root, 'bad.ndjson');
    writeFileSync(file, '{"table":"_meta","row":{"schema_version":2}}\n{"table":"runs","row":{"run_id":"r"}}\n');
    const r = await runCli(['store', 'import', file, t.root]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`[E_STORE_IMPORT] ${file}:2: runs.repo is required`);
    noStack(r.stderr);
    const missing = await runCli(['store', 'import', path.join(t.root, 'nope.ndjson'), t.root]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('[E_INPUT_READ] cannot read');
  });

  it('prune deletes old history and keeps playbooks', async () => {
    const t = await seeded('sqlite');
    const r = await runCli(['store', 'prune', '--older-than', '90d', t.root]);
    expect(r.code).toBe(0);
    // The seed is from March 2026: everything time-stamped is older than 90 days except learned state.
    expect(r.stdout).toMatch(/^deleted 38 rows older than \d{4}-\d\d-\d\dT.* \(90d\) from /);
    const info = JSON.parse((await runCli(['store', 'info', t.root, '--json'])).stdout);
    expect(info.rows).toMatchObject({ runs: 0, events: 0, playbooks: 1, approvals: 1, breakers: 1, patches: 1 });
    const bad = await runCli(['store', 'prune', t.root]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("required option '--older-than <duration>' not specified");
    const unit = await runCli(['store', 'prune', '--older-than', '90', t.root]);
    expect(unit.code).toBe(2);
    expect(unit.stderr).toContain("[E_BAD_DURATION] --older-than: '90' is not a duration");
  });
});

describe('store problems from the CLI: a clear line, exit 4, no stack', () => {
  it('a corrupt database file', async () => {
    const t = target('sqlite');
    mkdirSync(path.join(t.root, '.suture'));
    writeFileSync(path.join(t.root, '.suture', 'suture.db'), 'garbage'.repeat(1000));
    const r = await runCli(['stats', t.root]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`suture: error [E_STORE_CORRUPT] the store at ${t.root}/.suture/suture.db is not a valid SQLite database`);
    expect(r.stderr).toContain('hint: Move the file aside');
    noStack(r.stderr);
  });

  it('a database locked by another process', async () => {
    const t = await seeded('sqlite');
    writeFileSync(path.join(t.root, 'suture.yml'), stringify({ store: { adapter: 'sqlite', busy_timeout_ms: 300 } }));
    const holder = spawn(process.execPath, ['-e', `
      const db = new (require('better-sqlite3'))(process.argv[1]);
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE');
      db.exec("DELETE FROM breakers");
      process.stdout.write('locked\\n');
      process.stdin.resume();
    `, path.join(t.root, '.suture', 'suture.db')], { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout!.once('data', () => resolve());
        holder.once('exit', (code) => reject(new Error(`lock holder exited ${code}`)));
      });
      const r = await runCli(['stats', t.root]);
      expect(r.code).toBe(4);
      expect(r.stderr).toContain('[E_STORE_LOCKED]');
      expect(r.stderr).toContain('is locked by another process');
      noStack(r.stderr);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('a wrong URL, without printing the password', async () => {
    const t = target('sqlite');
    writeFileSync(path.join(t.root, 'suture.yml'), stringify({ store: { connect_timeout_ms: 3000 } }));
    const r = await runCli(['stats', t.root], { env: { SUTURE_DATABASE_URL: 'postgres://ci:Sup3rS3cret@127.0.0.1:1/suture' } });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('[E_STORE_UNREACHABLE] cannot reach PostgreSQL at postgres://ci:****@127.0.0.1:1/suture');
    expect(r.stderr).not.toContain('Sup3rS3cret');
    noStack(r.stderr);
    expect(existsSync(path.join(t.root, '.suture'))).toBe(false);
  });
});
