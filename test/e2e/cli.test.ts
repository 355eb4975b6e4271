import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('suture CLI', () => {
  it('prints help listing the pipeline commands', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['detect', 'run', 'ingest', 'triage', 'heal', 'guard', 'stats']) expect(r.stdout).toMatch(new RegExp(`\\b${c}\\b`));
  });

  it('exits 2 with a one-line error for an unknown command', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints its version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
