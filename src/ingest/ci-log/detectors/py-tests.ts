import type { Detector, Finding } from '../types.js';
import { blockEnd, dedent, finding, repoPath } from './util.js';

const SECTION = /^=+ (FAILURES|ERRORS) =+$/;
const HEADER = /^_{3,} (.+?) _{3,}$/;
const SECTION_END = /^=+ (?:short test summary info|warnings summary|\d+ (?:failed|passed|error)|.* in [\d.]+s) .*=+$|^=+ .* =+$/;
const SUMMARY = /^(FAILED|ERROR) (\S+?)(?:::(\S+))?(?: - (.*))?$/;

/** pytest: blocks under "FAILURES"/"ERRORS"; "E   ..." lines are the message; the short summary names the node ids. */
export const pytestDetector: Detector = {
  id: 'pytest',
  sniff: (t) => /(?:^|\n)=+ (?:FAILURES|ERRORS|short test summary info) =+/.test(t) || /no tests ran in|INTERNALERROR>|ERROR: (?:usage|file or directory not found)|ERROR: \S+\.(?:ini|cfg|toml): |(?:^|\n)ERROR: .*pytest/.test(t),
  detect(lines, ctx) {
    const out: Finding[] = [];
    // node ids from the short summary: "FAILED tests/test_x.py::test_a - msg"
    const nodeIds = new Map<string, string>();
    for (const l of lines) {
      const s = SUMMARY.exec(l);
      if (s?.[3]) nodeIds.set(s[3].replace(/\[.*\]$/, ''), `${s[2]}::${s[3]}`);
    }
    let inSection = false;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      if (SECTION.test(l)) {
        inSection = true;
        continue;
      }
      if (inSection && SECTION_END.test(l)) inSection = false;
      const h = inSection ? HEADER.exec(l) : null;
      if (!h) {
        const misc = /^(ERROR: (?:usage: .*|file or directory not found: .*|.*\.(?:ini|cfg|toml|py): .*|.*pytest.*)|INTERNALERROR> .*|.*error: unrecognized arguments: .*)$/.exec(l);
        if (misc) out.push(finding(ctx, i, 0.9, { kind: 'test', framework: 'pytest', status: 'errored', message: misc[1]! }));
        else if (/^=+ no tests ran in [\d.]+s =+$/.test(l) || /^no tests ran in [\d.]+s$/.test(l)) out.push(finding(ctx, i, 0.7, { kind: 'test', framework: 'pytest', status: 'errored', message: `pytest: ${l.replace(/=/g, '').trim()} (collected 0 items)` }));
        continue;
      }
      const end = blockEnd(lines, i + 1, (x) => HEADER.test(x) || SECTION_END.test(x) || SECTION.test(x));
      const block = lines.slice(i + 1, end);
      const title = h[1]!;
      const eLines = block.filter((b) => /^E\s/.test(b)).map((b) => b.replace(/^E\s{0,7}/, ''));
      // "tests/test_x.py:12: AssertionError": the file, line and class of the failure.
      const where = [...block].reverse().map((b) => /^([\w./\\-]+\.py):(\d+): (\w[\w.]*)$/.exec(b.trim())).find((m) => m !== null);
      let message = eLines.length ? dedent(eLines).join('\n') : block.filter((b) => b.trim() !== '').slice(-3).join('\n');
      if (message.length > 4000) message = message.slice(0, 4000);
      const setup = /^ERROR at (setup|teardown) of (.+)$/.exec(title);
      const collecting = /^ERROR collecting (.+)$/.exec(title);
      const testName = setup?.[2] ?? (collecting ? undefined : title);
      const nodeId = testName ? nodeIds.get(testName.replace(/\[.*\]$/, '')) ?? nodeIds.get(testName.split('.').pop()!) : undefined;
      const file = repoPath(collecting?.[1] ?? nodeId?.split('::')[0] ?? where?.[1], ctx);
      const cls = where?.[3] ?? /^([A-Za-z_][\w.]*(?:Error|Exception|Exit|Warning)):/m.exec(message)?.[1];
      out.push(
        finding(ctx, i, collecting ? 0.95 : 1, {
          kind: collecting ? 'build' : 'test',
          framework: 'pytest',
          test_id: nodeId ?? (testName ? `${file ?? ''}::${testName}` : undefined),
          status: setup || collecting ? 'errored' : 'failed',
          name: testName,
          file,
          line: where && repoPath(where[1], ctx) === file ? Number(where[2]) : undefined,
          error_class: cls,
          message: setup ? `ERROR at ${setup[1]} of ${setup[2]}\n${message}` : collecting ? `ERROR collecting ${collecting[1]}\n${message}` : message,
          stack: block.join('\n'),
        }, end),
      );
      i = end - 1;
    }
    return out;
  },
};

const UT_HEADER = /^(FAIL|ERROR): (\S+) \(([\w.]+)\)/;

/** unittest: "FAIL: test_x (mod.Class.test_x)" blocks between "====" rules; doctest "Failed example:" blocks. */
export const unittestDetector: Detector = {
  id: 'unittest',
  sniff: (t) => /(?:^|\n)(?:FAIL|ERROR): \S+ \(/.test(t) || t.includes('Failed example:'),
  detect(lines, ctx) {
    const out: Finding[] = [];
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      const h = UT_HEADER.exec(l);
      if (h) {
        const end = blockEnd(lines, i + 1, (x) => /^={20,}$/.test(x) || /^Ran \d+ tests? in/.test(x));
        const block = lines.slice(i + 1, end).filter((b) => !/^-{20,}$/.test(b));
        const body = dedent(block);
        const excIdx = body.map((b) => /^[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt)(?::|$)/.test(b)).lastIndexOf(true);
        const message = excIdx === -1 ? body.slice(-3).join('\n') : body.slice(excIdx, excIdx + 8).join('\n');
        const frame = [...body].reverse().map((b) => /^\s*File "([^"]+)", line (\d+)/.exec(b)).find((m) => m !== null);
        const file = repoPath(frame?.[1], ctx);
        const cls = h[3]!;
        out.push(finding(ctx, i, 1, { kind: 'test', framework: 'unittest', test_id: `${cls}`.endsWith(h[2]!) ? cls : `${cls}.${h[2]}`, status: h[1] === 'ERROR' ? 'errored' : 'failed', name: h[2], suite: cls.split('.').slice(0, -1).join('.') || undefined, file, message, stack: body.join('\n') }, end));
        i = end - 1;
        continue;
      }
      if (l === 'Failed example:') {
        const head = /^File "([^"]+)", line (\d+), in (\S+)/.exec(lines[i - 1] ?? '');
        const end = blockEnd(lines, i + 1, (x) => /^\*{20,}$/.test(x) || /^\d+ items? had failures:/.test(x));
        const body = lines.slice(i, end);
        out.push(finding(ctx, i, 1, { kind: 'test', framework: 'doctest', test_id: head ? `${head[3]}` : undefined, name: head?.[3], file: repoPath(head?.[1], ctx), line: head ? Number(head[2]) : undefined, error_class: 'DocTestFailure', message: dedent(body).join('\n').slice(0, 2000) }, end));
        i = end - 1;
      }
    }
    return out;
  },
};

/**
 * Python output that is not a test runner's: py_compile/compileall ("Sorry: IndentationError: ..."),
 * tracebacks whose exception class the build-log extractor does not take (socket.gaierror), and
 * tabnanny's "file line 'text'" reports.
 */
export const pythonMiscDetector: Detector = {
  id: 'python-misc',
  sniff: (t) => t.includes('Sorry: ') || t.includes('*** Error compiling') || t.includes('Traceback (most recent call last)') || /\.py \d+ '/.test(t),
  detect(lines, ctx) {
    const out: Finding[] = [];
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      const sorry = /^Sorry: (\w+Error): (.+?)(?: \(([^,()]+), line (\d+)\))?$/.exec(l);
      if (sorry) {
        out.push(finding(ctx, i, 1, { kind: 'build', framework: 'py_compile', error_class: sorry[1], message: `${sorry[1]}: ${sorry[2]}`, file: repoPath(sorry[3], ctx), line: sorry[4] ? Number(sorry[4]) : undefined }));
        continue;
      }
      const tab = /^(\S+\.py) (\d+) '(.*)'$/.exec(l);
      if (tab) {
        out.push(finding(ctx, i, 0.9, { kind: 'lint', framework: 'tabnanny', file: repoPath(tab[1], ctx), line: Number(tab[2]), message: `tabnanny: ambiguous indentation at ${tab[1]}:${tab[2]}: '${tab[3]}'` }));
        continue;
      }
      if (/^\s*Traceback \(most recent call last\):\s*$/.test(l)) {
        const indent = /^\s*/.exec(l)![0].length;
        let j = i + 1;
        while (j < lines.length && (lines[j]!.trim() === '' || /^\s*/.exec(lines[j]!)![0].length > indent)) j++;
        const exc = lines[j];
        if (exc === undefined) continue;
        // In a chain only the last exception is reported (the build-log extractor follows chains).
        const next = lines.slice(j + 1, j + 4).find((x) => x.trim() !== '');
        if (next !== undefined && /^(?:The above exception was the direct cause|During handling of the above exception)/.test(next.trim())) {
          i = j;
          continue;
        }
        const frame = lines.slice(i, j).map((x) => /^\s*File "([^"]+)", line (\d+)/.exec(x)).filter((m) => m !== null).pop();
        const cls = /^([A-Za-z_][\w.]*)(?::|$)/.exec(exc.trim())?.[1];
        // Classes the build-log Python extractor reads are left to it; this catches the rest (socket.gaierror, ...).
        if (cls === undefined || /(?:Error|Exception|Exit|Interrupt|Warning|Iteration)$|^(?:KeyboardInterrupt|SystemExit|StopIteration)$/.test(cls)) {
          i = j;
          continue;
        }
        out.push(finding(ctx, i, 0.85, { kind: 'runtime', framework: 'python', error_class: cls, file: repoPath(frame?.[1], ctx), line: frame ? Number(frame[2]) : undefined, message: exc.trim(), stack: lines.slice(i, j + 1).join('\n').slice(0, 4000) }, j + 1));
        i = j;
      }
    }
    return out;
  },
};
