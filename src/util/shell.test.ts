import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellJoin, shellQuote } from './shell.js';

describe('shellQuote', () => {
  it('leaves safe words alone and quotes the rest so a shell gives back the same argv', () => {
    expect(shellQuote('src/a.test.ts')).toBe('src/a.test.ts');
    const argv = ['it', "can't fail", 'a > b', '$HOME', '', 'x"y', 'tab\there'];
    const echoed = execFileSync('sh', ['-c', `printf '%s\\n' ${shellJoin(argv)}`], { encoding: 'utf8' });
    expect(echoed.split('\n').slice(0, -1)).toEqual(argv);
  });
});
