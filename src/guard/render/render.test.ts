import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../events/index.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';

const verdict: Verdict = {
  decision: 'block',
  risk: 'high',
  patchHash: 'a'.repeat(64),
  findings: [
    { rule: 'patch-size', severity: 'approval', message: 'the patch changes 3 files (limit 2)' },
    { rule: 'skipped-tests', severity: 'block', message: 'test disabled: `it.skip` | pipes', file: 'test/a.test.ts', line: 8 },
  ],
};
const report = { verdict, files: 3, linesAdded: 4, linesRemoved: 1, subject: 'main...HEAD' };

describe('verdict renderers', () => {
  it('text: decision line, hash, most severe finding first', () => {
    process.env.NO_COLOR = '1';
    const out = renderText(report);
    expect(out.split('\n').slice(0, 4)).toEqual([
      expect.stringMatching(/BLOCK.*risk high {2}3 file\(s\) \+4 -1 {2}\(main\.\.\.HEAD\)/),
      `patch ${'a'.repeat(64)}`,
      expect.stringMatching(/^ {2}test\/a\.test\.ts:8 {2}.*block.*\[skipped-tests\]/),
      expect.stringMatching(/^ {2}\(patch\) {2}.*approval.*\[patch-size\]/),
    ]);
  });

  it('markdown: a table with escaped pipes', () => {
    const out = renderMarkdown(report);
    expect(out).toContain('### ⛔ suture guard: BLOCK');
    expect(out).toContain('| block | `skipped-tests` | `test/a.test.ts:8` | test disabled: `it.skip` \\| pipes |');
  });

  it('json: stable keys', () => {
    expect(JSON.parse(renderJson(report))).toEqual({
      decision: 'block', risk: 'high', patchHash: 'a'.repeat(64), subject: 'main...HEAD', dryRun: false,
      patch: { files: 3, linesAdded: 4, linesRemoved: 1 },
      findings: [verdict.findings[1], verdict.findings[0]],
    });
  });
});
