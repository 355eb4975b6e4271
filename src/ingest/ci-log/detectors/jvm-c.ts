import type { Detector, Finding } from '../types.js';
import { blockEnd, finding, repoPath } from './util.js';

const JAVAC = /^(.+\.(?:java|kt|scala)):(\d+): error: (.+)$/;
const MVN_JAVAC = /^\[ERROR\] (\/?.+\.(?:java|kt)):\[(\d+),(\d+)\] (.+)$/;
const KOTLIN = /^e: (?:file:\/\/)?(.+\.kts?):(\d+):(\d+):? (.+)$/;
const SUREFIRE = /^\[ERROR\] (\S+?)(?:\((\S+)\))?\s+(?:-- )?Time elapsed: .*<<< (FAILURE|ERROR)!$/;
const MVN_GOAL = /^\[(?:ERROR|FATAL)\] (Failed to execute goal .*|Non-parseable POM .*|Malformed POM .*|The project .* has \d+ errors?|Some problems were encountered .*|Unknown lifecycle phase .*|No goals have been specified .*|.*Could not resolve dependencies .*|.* @ line \d+, column \d+.*)$/;
const EXCEPTION = /^(?:Exception in thread "[^"]+" )?((?:[a-z][\w$]*\.)+[A-Z][\w$]*(?:Error|Exception|Failure)|[A-Z][\w$]*(?:Error|Exception))(?:: (.*))?$/;

/** javac, Maven (compiler, Surefire, goal failures), Gradle's "What went wrong", uncaught JVM exceptions. */
export const jvmDetector: Detector = {
  id: 'jvm',
  sniff: (t) => t.includes('.java:') || t.includes('[ERROR]') || t.includes('[FATAL]') || t.includes('What went wrong') || t.includes('Exception in thread') || t.includes('.kt:') || /\n\tat [\w$.]+\(/.test(t),
  detect(lines, ctx) {
    const out: Finding[] = [];
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      let m = JAVAC.exec(l) ?? null;
      if (m) {
        const end = blockEnd(lines, i + 1, (x) => JAVAC.test(x) || /^\d+ errors?$|^\d+ warnings?$/.test(x));
        const extra = lines.slice(i + 1, end).filter((x) => /^\s+(?:symbol|location|required|found|reason):/.test(x)).map((x) => x.trim());
        out.push(finding(ctx, i, 1, { kind: 'build', framework: 'javac', file: repoPath(m[1], ctx), line: Number(m[2]), message: [m[3]!, ...extra].join('\n') }, end));
        i = end - 1;
        continue;
      }
      m = MVN_JAVAC.exec(l) ?? KOTLIN.exec(l);
      if (m) {
        let end = i + 1;
        const extra: string[] = [];
        while (end < lines.length && /^(?:\[ERROR\])?\s+(?:symbol|location|required|found|reason):/.test(lines[end]!)) extra.push(lines[end++]!.replace(/^\[ERROR\]/, '').trim());
        out.push(finding(ctx, i, 1, { kind: 'build', framework: l.startsWith('e: ') ? 'kotlinc' : 'javac', file: repoPath(m[1], ctx), line: Number(m[2]), column: Number(m[3]), message: [m[4]!, ...extra].join('\n') }, end));
        i = end - 1;
        continue;
      }
      const sf = SUREFIRE.exec(l);
      if (sf) {
        const end = blockEnd(lines, i + 1, (x) => /^\[(?:INFO|ERROR|WARNING)\]/.test(x) && !/^\[ERROR\]\s+at /.test(x));
        const body = lines.slice(i + 1, end);
        const [cls, method] = sf[2] ? [sf[2], sf[1]!] : [sf[1]!.replace(/\.[^.]+$/, ''), sf[1]!.split('.').pop()!];
        const exc = body.findIndex((b) => EXCEPTION.test(b.trim()));
        const message = (exc === -1 ? body.slice(0, 3) : body.slice(exc, exc + 4).filter((b) => !/^\s*at /.test(b))).join('\n').trim();
        out.push(finding(ctx, i, 1, { kind: 'test', framework: 'surefire', test_id: `${cls}.${method}`, name: method, suite: cls, status: sf[3] === 'ERROR' ? 'errored' : 'failed', message, stack: body.join('\n').slice(0, 4000) }, end));
        i = end - 1;
        continue;
      }
      const goal = MVN_GOAL.exec(l);
      if (goal) {
        // "Compilation failure" / "There are test failures" only point at the diagnostics printed above.
        const wrapper = /Compilation failure|There are test failures|There was a timeout|See .* for the individual test results/.test(goal[1]!) ;
        const end = blockEnd(lines, i + 1, (x) => !/^\[(?:ERROR|FATAL)\]\s{2,}\S/.test(x));
        const more = lines.slice(i + 1, end).map((x) => x.replace(/^\[(?:ERROR|FATAL)\]\s+/, ''));
        out.push(finding(ctx, i, wrapper ? 0.2 : 0.9, { kind: 'build', framework: 'maven', message: [goal[1]!, ...more].join('\n').slice(0, 2000) }, end));
        i = end - 1;
        continue;
      }
      if (/^\* What went wrong:$/.test(l)) {
        const end = blockEnd(lines, i + 1, (x) => /^\* (?:Try|Get more help|Exception is):?$/.test(x));
        const body = lines.slice(i + 1, end).filter((x) => x.trim() !== '');
        const text = body.join('\n');
        const wrapper = /Compilation failed; see the compiler error output|There were failing tests|Compilation error\. See log/.test(text);
        out.push(finding(ctx, i, wrapper ? 0.2 : 0.85, { kind: 'build', framework: 'gradle', message: text.slice(0, 2000) }, end));
        i = end - 1;
        continue;
      }
      const ex = /^Exception in thread "[^"]+" (.+)$/.exec(l);
      if (ex) {
        const end = blockEnd(lines, i + 1, (x) => !/^\s+at |^\s+\.\.\. \d+ more|^Caused by: /.test(x));
        const body = lines.slice(i, end);
        const causes = body.filter((b) => /^Caused by: /.test(b));
        const frame = body.map((b) => /^\s+at [\w$.<>]+\(([\w$]+\.(?:java|kt)):(\d+)\)/.exec(b)).find((x) => x !== null);
        out.push(finding(ctx, i, 1, { kind: 'runtime', framework: 'java', message: [ex[1]!, ...causes].join('\n'), file: frame?.[1], line: frame ? Number(frame[2]) : undefined, stack: body.join('\n').slice(0, 4000) }, end));
        i = end - 1;
      }
    }
    return out;
  },
};

const C_DIAG = /^(.+?\.(?:c|h|cc|cpp|cxx|hpp|hh|m|mm)):(\d+):(?:(\d+):)? (?:fatal )?error: (.+)$/;

/** gcc/clang diagnostics, linker errors, make's own errors (not its "Error 1" wrapper). */
export const cDetector: Detector = {
  id: 'c',
  sniff: (t) => t.includes('error: ') || t.includes('undefined reference') || t.includes('make: ***') || t.includes('***') || t.includes('Segmentation fault'),
  detect(lines, ctx) {
    const out: Finding[] = [];
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      const d = C_DIAG.exec(l);
      if (d) {
        let end = i + 1;
        while (end < lines.length && /^\s+(?:\d+ )?\||^\s+\|/.test(lines[end]!)) end++;
        out.push(finding(ctx, i, 1, { kind: 'build', framework: 'gcc', file: repoPath(d[1], ctx), line: Number(d[2]), column: d[3] ? Number(d[3]) : undefined, message: d[4]!, stack: lines.slice(i, end).join('\n') }, end));
        i = end - 1;
        continue;
      }
      const ld = /^(?:(?:\/\S*\/)?ld(?:\.\w+)?: )?(?:(\S+?):\(\S+\): )?(undefined reference to .*|cannot find -l\S+.*)$/.exec(l);
      if (ld) {
        out.push(finding(ctx, i, 1, { kind: 'build', framework: 'ld', file: repoPath(ld[1], ctx), message: l.trim() }));
        continue;
      }
      const mk = /^(?:make(?:\[\d+\])?: \*\*\* |(\S*Makefile):(\d+): \*\*\* )(.+?)\.?\s*Stop\.$/.exec(l);
      if (mk) {
        out.push(finding(ctx, i, 0.95, { kind: 'build', framework: 'make', file: repoPath(mk[1], ctx), line: mk[2] ? Number(mk[2]) : undefined, message: l.trim() }));
        continue;
      }
      if (/^make(?:\[\d+\])?: \*\*\* \[.*\] Error \d+$/.test(l)) {
        // The recipe's own output just above is usually the reason.
        const before = lines.slice(Math.max(0, i - 4), i).filter((x) => x.trim() !== '' && !/^make(?:\[\d+\])?: /.test(x));
        out.push(finding(ctx, i, before.length ? 0.35 : 0.2, { kind: 'build', framework: 'make', message: [...before.slice(-3), l.trim()].join('\n') }));
      }
      else if (/Segmentation fault|Aborted\s+\(core dumped\)|core dumped|^(?:\S*sh: )?line \d+: +\d+ (?:Aborted|Bus error|Illegal instruction|Floating point exception)/.test(l)) out.push(finding(ctx, i, 0.9, { kind: 'runtime', framework: 'shell', message: l.trim() }));
    }
    return out;
  },
};
