import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { detectPlan, runPlan } from '../../src/runners/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'suture-run-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function runCommands(commands: Array<Record<string, unknown>>, timeoutMs = 30_000) {
  const config = configSchema.parse({ runners: { commands } });
  const plan = await detectPlan(dir, config);
  return runPlan(plan, { runId: 'errors', outDir: path.join(dir, `out-${Date.now()}`), timeoutMs });
}

describe('commands that cannot produce results become events, never a crash', () => {
  it('a hanging command is killed at the timeout (with its children) and reported as a runtime event', async () => {
    const started = Date.now();
    const outcome = await runCommands([{ id: 'hang', command: 'sleep 30 & sleep 30; wait' }], 800);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(outcome.events).toEqual([
      expect.objectContaining({ kind: 'runtime', status: 'errored', error_class: 'Timeout', framework: 'command', test_id: 'command:.:command:timeout', message: 'sleep 30 & sleep 30; wait did not finish within 1 s and was killed' }),
    ]);
    expect(outcome.commands[0]).toMatchObject({ timedOut: true });
  });

  it('a crash (killed by a signal) keeps the signal and the end of the log', async () => {
    const outcome = await runCommands([{ id: 'crash', command: 'echo starting the suite; kill -SEGV $$' }]);
    const [ev] = outcome.events;
    expect(ev).toMatchObject({ kind: 'runtime', error_class: 'Crash', test_id: 'command:.:command:crash' });
    expect(ev!.message).toBe('echo starting the suite; kill -SEGV $$ was killed by SIGSEGV:\nstarting the suite');
    expect(outcome.commands[0]).toMatchObject({ signal: 'SIGSEGV', exitCode: null });
  });

  it('a failing command without a report is one event with the log excerpt; a passing one is clean', async () => {
    const outcome = await runCommands([
      { id: 'fails', command: 'echo "connecting to db"; echo "error: connection refused" >&2; exit 3' },
      { id: 'passes', command: 'true' },
    ]);
    expect(outcome.events).toHaveLength(1);
    expect(outcome.events[0]).toMatchObject({ kind: 'runtime', error_class: 'CommandFailed', message: expect.stringMatching(/exited with code 3:\nconnecting to db\nerror: connection refused$/) });
  });

  it('a custom command with a report glob is read through the ingest facade', async () => {
    writeFileSync(
      path.join(dir, 'make-report.sh'),
      `mkdir -p out && cat > out/r.tap <<'TAP'\nTAP version 13\n1..2\nok 1 - adds\nnot ok 2 - divides\n  ---\n  message: 'division by zero'\n  ...\nTAP\nexit 1\n`,
    );
    const outcome = await runCommands([{ id: 'tap', command: 'sh make-report.sh', report: 'out/*.tap' }]);
    expect(outcome.results.map((r) => [r.name, r.status])).toEqual([
      ['adds', 'passed'],
      ['divides', 'failed'],
    ]);
    expect(outcome.commands[0]!.reportPaths).toEqual([path.join(dir, 'out', 'r.tap')]);
  });

  it('a report that cannot be read is said so, with the log', async () => {
    const outcome = await runCommands([{ id: 'garbage', command: 'mkdir -p bad && printf "\\000\\001binary" > bad/r.xml; exit 1', report: 'bad/*.xml' }]);
    expect(outcome.events).toHaveLength(1);
    expect(outcome.events[0]!.message).toMatch(/exited with code 1[^]*report could not be read: .*bad\/r.xml/);
  });

  it('a plan naming an unknown runner or a missing directory gets events that say so', async () => {
    const plan = {
      root: dir,
      packages: [
        { dir: '.', suites: [{ runner: 'frobnicate', detectedBy: 'hand-written', command: 'frob' }], checks: [] },
        { dir: 'gone', suites: [{ runner: 'mocha', detectedBy: 'hand-written', command: 'mocha' }], checks: [] },
      ],
    };
    const outcome = await runPlan(plan, { runId: 'errors', outDir: path.join(dir, 'out-plan') });
    expect(outcome.events.map((e) => [e.error_class, e.message.replaceAll(dir, '<dir>')])).toEqual([
      ['UnknownRunner', expect.stringMatching(/^no runner 'frobnicate' in this version of suture \(known: vitest, jest, /)],
      ['CommandFailed', expect.stringMatching(/could not start: the directory <dir>\/gone does not exist$/)],
    ]);
  });
});
