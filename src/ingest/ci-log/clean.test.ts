import { describe, expect, it } from 'vitest';
import { cleanLine } from './clean.js';

describe('cleanLine', () => {
  it('strips GitHub timestamps and colours and reads group, exit and annotation markers', () => {
    expect(cleanLine('2024-05-01T10:00:00.1234567Z \u001b[31mFAIL\u001b[39m src/a.test.js')).toEqual({ text: 'FAIL src/a.test.js' });
    expect(cleanLine('2024-05-01T10:00:00.1234567Z ##[group]Run npm test').marker).toEqual({ type: 'group-start', name: 'Run npm test' });
    expect(cleanLine('::group::Install').marker).toEqual({ type: 'group-start', name: 'Install' });
    expect(cleanLine('##[endgroup]').marker).toEqual({ type: 'group-end' });
    expect(cleanLine('##[error]Process completed with exit code 137.').marker).toEqual({ type: 'exit', code: 137 });
    expect(cleanLine('::error file=src/a.ts,line=3::Cannot find name').marker).toEqual({ type: 'error-annotation', message: 'Cannot find name', file: 'src/a.ts', line: 3 });
  });

  it('reads GitLab sections, Travis folds, command echoes and job results', () => {
    expect(cleanLine('section_start:1714557600:step_script\r\u001b[0K\u001b[0K\u001b[36;1mExecuting "step_script" stage\u001b[0;m')).toEqual({ text: 'Executing "step_script" stage', marker: { type: 'group-start', name: 'step script' } });
    expect(cleanLine('section_end:1714557600:step_script\r\u001b[0K').marker).toEqual({ type: 'group-end' });
    expect(cleanLine('travis_fold:start:install\r\u001b[0K$ npm ci').marker).toEqual({ type: 'group-start', name: 'install' });
    expect(cleanLine('$ pytest -q').marker).toEqual({ type: 'command', command: 'pytest -q' });
    expect(cleanLine('ERROR: Job failed: exit code 2').marker).toEqual({ type: 'exit', code: 2 });
    expect(cleanLine('The command "npm test" exited with 1.').marker).toEqual({ type: 'exit', code: 1 });
    expect(cleanLine('No output has been received in the last 10m0s, this potentially indicates a stalled build or something wrong with the build itself.').marker?.type).toBe('job-failed');
  });

  it('keeps only the last redraw of a carriage-return progress line', () => {
    expect(cleanLine('Downloading 10%\rDownloading 50%\rDone').text).toBe('Done');
  });
});
