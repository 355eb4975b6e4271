/**
 * When no detector recognises a failed step's output, the line most likely to say why is chosen by
 * wording: error words count for it; the wrappers every CI log repeats ("Process completed with exit
 * code 1", "npm ERR! Lifecycle script failed", "make: *** Error 1") and summaries count against it,
 * since those say *that* it failed, not *why*.
 */
const POSITIVE: Array<[RegExp, number]> = [
  [/\b(?:error|ERROR|Error)\b(?:\[[\w-]+\])?:|\berror\b(?= )/, 3],
  [/\bfatal\b|FATAL|\bpanic\b/i, 2.5],
  [/exception|Exception|Traceback/, 2],
  [/\bfailed\b|\bfailure\b|\bFAILED\b/i, 1.5],
  [/not found|cannot|can't|unable to|could not|couldn't|no such|does not exist|doesn't exist/i, 1.5],
  [/denied|refused|forbidden|unauthori[sz]ed|timed? ?out|killed|out of memory|missing|invalid|unexpected|undefined|not set|required/i, 1.5],
];

const WRAPPER = /Process completed with exit code|npm (?:ERR!|error) (?:code ELIFECYCLE|errno|A complete log|command (?:failed|sh -c)|Lifecycle script|Failed at the|This is probably not a problem with npm|\s*$|path |workspace |location )|^error Command failed with exit code|^info Visit https:\/\/yarnpkg|make(?:\[\d+\])?: \*\*\* \[|ERROR: Job failed|##\[error\]Process|^exit status \d+$|^FAIL\s*$|^FAIL\s+\S+\s+\[build failed\]|Test Suites: |^Tests?:\s+\d|^\s*\d+ (?:errors?|failed|failing)\b|^Found \d+ errors?|^Error: Command failed|did not complete successfully|^ELIFECYCLE|Command exited with non-zero status|^error: Recipe|ERR_PNPM_RECURSIVE|^The command ".*" exited with|^script returned exit code|^Exited with code/;
const NEGATIVE = /^(?:npm )?warn(?:ing)?\b|\bWARN\b|\b0 (?:errors?|failed|failures)\b|\bno errors?\b|✓|\bPASS(?:ED)?\b|deprecated/i;

export function scoreLine(line: string): number {
  if (line.length < 4 || line.length > 2000) return 0;
  let s = 0;
  for (const [re, w] of POSITIVE) if (re.test(line)) s += w;
  if (s === 0) return 0;
  if (WRAPPER.test(line)) s -= 5;
  if (NEGATIVE.test(line)) s -= 2.5;
  return s;
}

// A copy, so a kept line does not pin the whole chunk it was split from (V8 substrings share memory).
const copy = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');

/** Keeps the best-scoring line of a stream (first wins on ties) and a little context after it. */
export class BestLine {
  score = 0;
  line = '';
  index = -1;
  context: string[] = [];
  #collect = 0;

  offer(line: string, index: number): void {
    if (this.#collect > 0 && line.trim() !== '') {
      this.context.push(copy(line));
      this.#collect--;
    }
    if (line.indexOf('rror') === -1 && line.indexOf('ail') === -1 && !/fatal|FATAL|panic|xception|not found|denied|refused|cannot|unable|timed? ?out|Killed|missing|invalid|No such/.test(line)) return;
    const s = scoreLine(line);
    if (s > this.score) {
      this.score = s;
      this.line = copy(line.trim());
      this.index = index;
      this.context = [];
      this.#collect = 2;
    }
  }
}
