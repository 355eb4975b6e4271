import { describe, expect, it } from 'vitest';
import { createProgressDisplay } from './progress.js';

function sink() {
  const chunks: string[] = [];
  const out = { columns: 80, write: (s: string) => chunks.push(s) > 0 } as unknown as NodeJS.WriteStream;
  return { out, text: () => chunks.join('').replace(/\x1b\[[0-9;]*m/g, '') };
}
const start = { type: 'start', what: 'suite', package: 'packages/api', id: 'jest', command: 'jest', index: 2, total: 5 } as const;
const end = { type: 'end', what: 'suite', package: 'packages/api', id: 'jest', exitCode: 1, timedOut: false, durationMs: 3200, passed: 10, failed: 1 } as const;

describe('progress display', () => {
  it('prints plain lines when not on a terminal (CI logs)', () => {
    const s = sink();
    const d = createProgressDisplay(s.out, false);
    d.onProgress(start);
    d.onProgress(end);
    d.stop();
    expect(s.text()).toBe('▶ [2/5] packages/api · jest: jest\n✗ packages/api · jest 3.2s 10 passed, 1 failed\n');
  });

  it('redraws one line in place on a terminal, then leaves the finished line', async () => {
    const s = sink();
    const d = createProgressDisplay(s.out, true);
    d.onProgress(start);
    await new Promise((r) => setTimeout(r, 450));
    d.onProgress({ ...end, exitCode: 0, failed: 0 });
    d.stop();
    const t = s.text();
    // The live line is cleared and redrawn (carriage return + erase line) with the elapsed time.
    expect(t.match(/\r\x1b\[2K▶ \[2\/5\] packages\/api · jest \d+\.\ds/g)?.length).toBeGreaterThanOrEqual(2);
    expect(t.endsWith('\r\x1b[2K✓ packages/api · jest 3.2s 10 passed, 0 failed\n')).toBe(true);
  });

  it('reports a check by its problems and a timeout as such', () => {
    const s = sink();
    const d = createProgressDisplay(s.out, false);
    d.onProgress({ ...end, what: 'check', id: 'tsc', failed: 2 });
    d.onProgress({ ...end, timedOut: true, exitCode: null });
    expect(s.text()).toBe('✗ packages/api · tsc 3.2s 2 problem(s)\n⏱ packages/api · jest 3.2s 10 passed, 1 failed (timed out)\n');
  });
});
