/**
 * `suture ingest` as a user runs it (the compiled CLI). Parsing itself is covered in-process
 * (src/ingest/**); these check what only a real process shows: exit codes, stdout/stderr, stdin,
 * atomic --out, git stamps. Kept to a few spawns because each one starts the whole CLI.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readEvents, type FailureEvent } from '../../src/events/index.js';
import { runCli } from './run-cli.js';

const REPORTS = fileURLToPath(new URL('../fixtures/reports/', import.meta.url));
const tmp = mkdtempSync(path.join(tmpdir(), 'suture-e2e-ingest-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function events(text: string): Promise<FailureEvent[]> {
  const out: FailureEvent[] = [];
  for await (const e of readEvents(Readable.from([text]), { source: 'stdout' })) out.push(e);
  return out;
}

function noStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(stderr).not.toMatch(/internal error/);
}

describe('suture ingest (CLI)', () => {
  it('reads stdin and globs, writes events to --out and the summary as JSON (exit 1: failures)', async () => {
    const out = path.join(tmp, 'glob.ndjson');
    const r = await runCli(['ingest', '-', 'go/report.*', '--repo-root', 'go/project', '--out', out, '--json', '--run-id', 'ci-42'], {
      cwd: REPORTS,
      input: readFileSync(path.join(REPORTS, 'tsc/tsc.log')),
    });
    expect(r.code, r.stderr).toBe(1);
    const summary = JSON.parse(r.stdout);
    expect(summary.files.map((f: { input: string; format: string; failures: number }) => [f.input, f.format, f.failures])).toEqual([
      ['stdin', 'tsc', 6],
      ['go/report.json', 'go-json', 5],
      ['go/report.txt', 'go-text', 5],
    ]);
    expect(summary).toMatchObject({ run_id: 'ci-42', cases: 24, events_written: 16, exit_code: 1, by_kind: { typecheck: 6, build: 2, test: 16 } });
    const evs = await events(readFileSync(out, 'utf8'));
    expect(evs).toHaveLength(16);
    expect(new Set(evs.map((e) => e.run_id))).toEqual(new Set(['ci-42']));
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('exits 0 with no events when nothing failed, and prints the human summary on stderr', async () => {
    const passing = path.join(tmp, 'pass.tap');
    writeFileSync(passing, 'TAP version 13\n1..2\nok 1 - a\nok 2 - b # SKIP later\n');
    const r = await runCli(['ingest', passing], { cwd: tmp });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`suture ingest: 1 input, 2 test cases\n  ${passing}  tap: 2 cases, 0 failing\n  status: 1 passed, 1 skipped\n  kind:   2 test\n  wrote 0 failure events to stdout\n`);
  });

  it('--all writes test case records among the events; readEvents gives back only the events', async () => {
    const r = await runCli(['ingest', 'mocha/report.json', '--all', '--repo-root', 'mocha/project'], { cwd: REPORTS });
    expect(r.code, r.stderr).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { record?: string; status: string });
    expect(lines.filter((l) => l.record === 'test_case').map((l) => l.status).sort()).toEqual(['passed', 'passed', 'skipped']);
    const back = await events(r.stdout);
    expect(back.map((e) => e.status).sort()).toEqual(['errored', 'errored', 'errored', 'errored', 'failed']);
    expect(back).toHaveLength(lines.length - 3);
  });

  it('exits 3 when nothing is usable: one clear line per file, no stack trace, --out left as it was', async () => {
    const empty = path.join(tmp, 'empty.json');
    const junk = path.join(tmp, 'junk.bin');
    writeFileSync(empty, '');
    writeFileSync(junk, Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 9]));
    const out = path.join(tmp, 'keep.ndjson');
    writeFileSync(out, 'previous contents\n');
    const r = await runCli(['ingest', empty, junk, 'missing.json', '-o', out], { cwd: tmp });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`suture: error [E_REPORT_EMPTY] ${empty}: the report is empty\n`);
    expect(r.stderr).toContain(`suture: error [E_REPORT_FORMAT_UNKNOWN] ${junk}: binary data, not a test report or build log\n`);
    expect(r.stderr).toContain('suture: error [E_REPORT_UNREADABLE] missing.json: no such file\n');
    noStackTrace(r.stderr);
    expect(readFileSync(out, 'utf8')).toBe('previous contents\n');
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('exits 5 when part of the input failed, and still writes everything that parsed', async () => {
    const cut = path.join(tmp, 'cut.json');
    const lines = readFileSync(path.join(REPORTS, '../corpus/test-reports/dorny+test-reporter/__tests__/fixtures/dart-json.json'), 'utf8').split('\n');
    writeFileSync(cut, [...lines.slice(0, 20), '{"testID":11,"error":"Expected: <2>'].join('\n'));
    const out = path.join(tmp, 'partial.ndjson');
    const r = await runCli(['ingest', 'jest/report.json', cut, '--repo-root', 'jest/project', '--out', out], { cwd: REPORTS });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain(`suture: error [E_REPORT_MALFORMED] ${cut}:21: not valid JSON in a dart test event\n`);
    expect(r.stderr).toMatch(/cut\.json\s+dart-json: 3 cases, 1 failing \(stopped early: /);
    noStackTrace(r.stderr);
    const evs = await events(readFileSync(out, 'utf8'));
    expect(evs.map((e) => e.framework)).toEqual(['jest', 'jest', 'jest', 'jest', 'dart']);
  });

  it('exits 2 for --json without --out', async () => {
    const r = await runCli(['ingest', 'jest/report.json', '--json'], { cwd: REPORTS });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[E_JSON_NEEDS_OUT] --json prints the summary on stdout, so the events need --out FILE');
  });

  it('stamps commit and branch inside a git repository and makes paths relative to its top level', async () => {
    const repo = path.join(tmp, 'repo');
    mkdirSync(path.join(repo, 'logs'), { recursive: true });
    copyFileSync(path.join(REPORTS, 'tsc/tsc.log'), path.join(repo, 'logs/tsc.log'));
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' }).trim();
    git('init', '-q', '-b', 'feature/x');
    git('add', '.');
    git('commit', '-q', '-m', 'init');
    const r = await runCli(['ingest', 'tsc.log'], { cwd: path.join(repo, 'logs') });
    expect(r.code, r.stderr).toBe(1);
    const evs = await events(r.stdout);
    expect(evs[0]).toMatchObject({ commit: git('rev-parse', 'HEAD'), branch: 'feature/x', file: 'src/main.ts' });
    expect(evs[0]!.run_id).toMatch(/^ingest-[0-9a-f-]{36}$/);
  });
});
