import { describe, expect, it } from 'vitest';
import { parseAnswer } from './parse.js';
import { AnswerError } from './types.js';

const SR = [
  'The discount is applied after the voucher; it must come first.',
  '',
  'src/pricing.ts',
  '```ts',
  '<<<<<<< SEARCH',
  '  const afterVoucher = Math.max(0, price - voucher);',
  '=======',
  '  const afterMember = price * (1 - memberPercent / 100);',
  '>>>>>>> REPLACE',
  '```',
  '',
  '<<<<<<< SEARCH',
  '  return 1;',
  '=======',
  '  return 2;',
  '>>>>>>> REPLACE',
  '',
  '**src/new.ts**',
  '<<<<<<< SEARCH',
  '=======',
  'export const x = 1;',
  '>>>>>>> REPLACE',
].join('\n');

describe('parseAnswer: search/replace blocks', () => {
  it('reads the explanation, the files (fenced, repeated, decorated) and the blocks', () => {
    const a = parseAnswer(SR);
    expect(a.kind).toBe('edits');
    if (a.kind !== 'edits') return;
    expect(a.explanation).toBe('The discount is applied after the voucher; it must come first.');
    expect(a.edits).toEqual([
      { file: 'src/pricing.ts', search: '  const afterVoucher = Math.max(0, price - voucher);\n', replace: '  const afterMember = price * (1 - memberPercent / 100);\n' },
      { file: 'src/pricing.ts', search: '  return 1;\n', replace: '  return 2;\n' },
      { file: 'src/new.ts', search: '', replace: 'export const x = 1;\n' },
    ]);
  });

  it('takes UNFIXABLE with its reason', () => {
    expect(parseAnswer('I looked.\nUNFIXABLE: the test expects a value the spec contradicts')).toEqual({ kind: 'unfixable', explanation: 'the test expects a value the spec contradicts' });
  });

  it('reports a block cut off by the token limit instead of half-applying it', () => {
    expect(() => parseAnswer('src/a.ts\n<<<<<<< SEARCH\nold\n=======\nnew')).toThrow(/no >>>>>>> REPLACE line \(the answer looks cut off\)/);
    expect(() => parseAnswer('src/a.ts\n<<<<<<< SEARCH\nold\n')).toThrow(/no ======= line/);
  });

  it('reports a block without a file and a reply with nothing usable', () => {
    expect(() => parseAnswer('Here is the fix:\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE')).toThrow(/not preceded by a line with the file's path/);
    expect(() => parseAnswer('I think the problem is in pricing.')).toThrow(AnswerError);
  });
});

describe('parseAnswer: JSON', () => {
  it('validates {unfixable, explanation, changes[]} (bare or fenced)', () => {
    const json = { unfixable: false, explanation: 'wrong order', changes: [{ file: 'src/a.ts', search: 'a', replace: 'b' }] };
    expect(parseAnswer(JSON.stringify(json))).toEqual({ kind: 'edits', explanation: 'wrong order', edits: [{ file: 'src/a.ts', search: 'a', replace: 'b' }] });
    expect(parseAnswer(`Sure:\n\`\`\`json\n${JSON.stringify(json)}\n\`\`\``).kind).toBe('edits');
    expect(parseAnswer('{"unfixable": true, "explanation": "needs a database", "changes": []}')).toEqual({ kind: 'unfixable', explanation: 'needs a database' });
    expect(parseAnswer('{"explanation": "rewrite", "changes": [{"path": "src/a.ts", "content": "x\\n"}]}')).toEqual({
      kind: 'edits',
      explanation: 'rewrite',
      edits: [{ file: 'src/a.ts', search: '', replace: 'x\n', whole: true }],
    });
  });

  it('says what is wrong with malformed, truncated or invalid JSON', () => {
    expect(() => parseAnswer('{"unfixable": false, "explanation": "x", "changes": [{"file": "a.ts", "search": "a", "repl')).toThrow(/does not parse.*cut off/);
    expect(() => parseAnswer('{"unfixable": false, "changes": [{"file": "a.ts", "search": 3, "replace": "b"}]}')).toThrow(/JSON field changes\.0\.search/);
    expect(() => parseAnswer('{"unfixable": false, "explanation": "x", "changes": []}')).toThrow(/"changes" is empty/);
    expect(() => parseAnswer('{"unfixable": false, "changes": [{"search": "a", "replace": "b"}]}')).toThrow(/needs "file"/);
    expect(() => parseAnswer('{"unfixable": false, "changes": [{"file": "a.ts", "replace": "b", "content": "c"}]}')).toThrow(/"replace" \(with "search"\) or "content", not both/);
  });
});
