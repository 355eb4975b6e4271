import { testId } from '../../results/ids.js';
import type { Detector, Finding } from '../types.js';
import { blockEnd, dedent, finding, repoPath, splitMessage } from './util.js';

const JEST_FILE = /^\s*FAIL\s+(\S+\.(?:[cm]?[jt]sx?))(?:\s|$)/;
const JEST_BLOCK = /^\s{0,4}● (.+)$/;
const JEST_STOP = /^\s{0,4}● |^\s*(?:FAIL|PASS)\s+\S|^Test Suites:|^Summary of all failing tests|^Ran all test suites|^Snapshot Summary/;

/** Jest: "FAIL file" then one "● Suite › test" block per failure (and "● Test suite failed to run"). */
export const jestDetector: Detector = {
  id: 'jest',
  sniff: (t) => (t.includes('● ') && /(?:^|\n)\s*(?:FAIL|PASS)\s+\S/.test(t)) || t.includes('● Validation Error') || t.includes('No tests found, exiting'),
  detect(lines, ctx) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    let file: string | undefined;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      const f = JEST_FILE.exec(l);
      if (f) {
        file = f[1];
        continue;
      }
      if (/^Summary of all failing tests/.test(l)) file = undefined;
      if (/^No tests found, exiting with code \d/.test(l)) {
        out.push(finding(ctx, i, 0.9, { kind: 'test', framework: 'jest', status: 'errored', message: [l.trim(), lines[i + 1]?.trim() ?? ''].join('\n').trim() }));
        continue;
      }
      if (/^\s*● Validation Error:/.test(l)) {
        const end = blockEnd(lines, i + 1, (x) => /^\s*(?:Configuration Documentation:|● )/.test(x));
        out.push(finding(ctx, i, 1, { kind: 'test', framework: 'jest', status: 'errored', message: `Validation Error: ${dedent(lines.slice(i + 1, end)).join('\n')}`.trim() }, end));
        i = end - 1;
        continue;
      }
      const b = JEST_BLOCK.exec(l);
      if (!b || /^Console$|^\s*Console\s*$/.test(b[1]!)) continue;
      const end = blockEnd(lines, i + 1, (x) => JEST_STOP.test(x));
      const block = lines.slice(i + 1, end);
      const split = splitMessage(block);
      const stack = split.stack;
      let message = split.message;
      // Jest's "unexpected token" help text is boilerplate; the parser's own error is under "Details:".
      const details = block.findIndex((x) => x.trim() === 'Details:');
      if (message.includes('Jest encountered an unexpected token') && details !== -1) message = `Jest encountered an unexpected token\n${dedent(block.slice(details + 1, details + 12)).join('\n')}`;
      const title = b[1]!.trim();
      const names = title.split(' › ');
      const suiteFailed = title === 'Test suite failed to run';
      const rel = repoPath(file, ctx);
      const id = suiteFailed ? testId(rel ?? file, ['(suite)']) : testId(rel ?? file, names);
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(
        finding(ctx, i, 1, {
          kind: 'test',
          framework: 'jest',
          test_id: id,
          status: suiteFailed ? 'errored' : 'failed',
          name: names[names.length - 1],
          suite: names.length > 1 ? names.slice(0, -1).join(' › ') : undefined,
          file: rel,
          message: suiteFailed ? `Test suite failed to run\n${message}` : message,
          stack,
        }, end),
      );
      i = end - 1;
    }
    return out;
  },
};

const VITEST_FAIL = /^\s*(?:FAIL|×)\s+(\S+\.(?:[cm]?[jt]sx?))\s+(?:>\s+(.+?)|\[\s*\S+\s*\])\s*(?:\d+ms)?$/;
const VITEST_STOP = /^\s*FAIL\s+\S|^\s*⎯{3,}|^\s*Test Files\s|^\s*Tests\s+\d/;

/** Vitest: "FAIL  file > suite > test" blocks (and file-level "FAIL  file [ file ]"), plus unhandled errors. */
export const vitestDetector: Detector = {
  id: 'vitest',
  sniff: (t) => /(?:^|\n)\s*FAIL\s+\S+\s+(?:>|\[)/.test(t) || t.includes('Vitest caught') || t.includes('No test files found'),
  detect(lines, ctx) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      const m = VITEST_FAIL.exec(l);
      if (m && !/^\s*×/.test(l)) {
        const end = blockEnd(lines, i + 1, (x) => VITEST_STOP.test(x));
        const block = lines.slice(i + 1, end).map((x) => x.replace(/^(\s*)❯ /, '$1at '));
        const { message, stack } = splitMessage(block);
        if (message === '') continue;
        const rel = repoPath(m[1], ctx);
        const names = m[2] ? m[2].split(' > ') : ['(suite)'];
        const id = testId(rel ?? m[1], names);
        if (seen.has(id)) continue;
        seen.add(id);
        out.push(finding(ctx, i, 1, { kind: 'test', framework: 'vitest', test_id: id, status: m[2] ? 'failed' : 'errored', name: names[names.length - 1], suite: names.length > 1 ? names.slice(0, -1).join(' > ') : undefined, file: rel, message, stack }, end));
        i = end - 1;
        continue;
      }
      if (/^\s*No test files found, exiting with code \d/.test(l)) {
        out.push(finding(ctx, i, 0.9, { kind: 'test', framework: 'vitest', status: 'errored', message: l.trim() }));
        continue;
      }
      if (/Vitest caught \d+ unhandled errors?/.test(l)) {
        const end = blockEnd(lines, i + 1, (x) => /^\s*⎯{3,}\s*$/.test(x) || /^\s*Test Files\s/.test(x));
        const body = lines.slice(i + 1, end).filter((x) => !/^\s*⎯/.test(x) && !/This error originated|The latest test that might|This might cause false positive|Resolve unhandled errors|make sure your tests are not/.test(x));
        const { message, stack } = splitMessage(body.map((x) => x.replace(/^(\s*)❯ /, '$1at ')));
        out.push(finding(ctx, i, 0.9, { kind: 'test', framework: 'vitest', status: 'errored', message: `${l.trim()}\n${message}`.trim(), stack }, end));
        i = end - 1;
      }
    }
    return out;
  },
};

const MOCHA_FAILING = /^\s+\d+ failing/;
const MOCHA_ITEM = /^\s+(\d+)\) (.+)$/;

/** Mocha spec reporter: after "N failing", numbered blocks with the test's titles then the error. */
export const mochaDetector: Detector = {
  id: 'mocha',
  sniff: (t) => /\n\s+\d+ failing/.test(t),
  detect(lines, ctx) {
    const out: Finding[] = [];
    const start = lines.findIndex((l) => MOCHA_FAILING.test(l));
    if (start === -1) return out;
    for (let i = start + 1; i < lines.length; i++) {
      const m = MOCHA_ITEM.exec(lines[i]!);
      if (!m) continue;
      const titles = [m[2]!.trim()];
      let j = i + 1;
      // Title lines continue (deeper indented) until one ends with ":".
      while (j < lines.length && !titles[titles.length - 1]!.endsWith(':') && lines[j]!.trim() !== '' && j < i + 10) titles.push(lines[j++]!.trim());
      const end = blockEnd(lines, j, (x) => MOCHA_ITEM.test(x) || /^\S/.test(x));
      const names = titles.map((t) => t.replace(/:$/, ''));
      const body = lines.slice(j, end);
      const split = splitMessage(body);
      const stack = split.stack;
      const hook = names.find((n) => /"(?:before|after) (?:all|each)" hook/.test(n));
      const message = hook ? `${hook}: ${split.message}` : split.message;
      const fileMatch = /\(([^()]+\.(?:spec|test)\.[cm]?[jt]sx?):\d+:\d+\)/.exec(stack) ?? /\((\/[^()]+\.[cm]?[jt]sx?):\d+:\d+\)/.exec(stack);
      const rel = repoPath(fileMatch?.[1], ctx);
      out.push(finding(ctx, i, 1, { kind: 'test', framework: 'mocha', test_id: testId(rel, names), name: names[names.length - 1], suite: names.slice(0, -1).join(' ') || undefined, file: rel, message, stack, status: /hook/.test(names.join(' ')) ? 'errored' : 'failed' }, end));
      i = end - 1;
    }
    return out;
  },
};

/** node:test, TAP output (the default when piped): "not ok N - name" with a YAML block. */
export const nodeTestDetector: Detector = {
  id: 'node-test',
  sniff: (t) => t.includes('not ok ') || t.includes('✖ '),
  detect(lines, ctx) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      const tap = /^(\s*)not ok \d+ - (.+?)(?:\s+#.*)?$/.exec(l);
      if (tap) {
        const indent = tap[1]!.length;
        const end = blockEnd(lines, i + 1, (x) => {
          const ind = /^\s*/.exec(x)![0].length;
          return x.trim() !== '' && ind <= indent && !/^\s*(---|\.\.\.)\s*$/.test(x);
        });
        const yaml = lines.slice(i + 1, end);
        const failureType = /failureType: '?(\w+)/.exec(yaml.join('\n'))?.[1];
        // A parent test fails because a subtest did: only the leaf is a cause.
        if (failureType === 'subtestsFailed') continue;
        const field = (name: string): string | undefined => {
          const k = yaml.findIndex((y) => new RegExp(`^\\s*${name}:`).test(y));
          if (k === -1) return undefined;
          const inline = yaml[k]!.replace(new RegExp(`^\\s*${name}:\\s*`), '');
          if (!/^[|>]-?$/.test(inline)) return inline.replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
          const base = /^\s*/.exec(yaml[k]!)![0].length;
          const body: string[] = [];
          for (let q = k + 1; q < yaml.length && (yaml[q]!.trim() === '' || /^\s*/.exec(yaml[q]!)![0].length > base); q++) body.push(yaml[q]!);
          return dedent(body).join('\n');
        };
        const name = tap[2]!.trim();
        const errorText = field('error') ?? '';
        const code = field('code');
        const stack = field('stack');
        const location = field('location');
        const file = location ? repoPath(/^(.*?):\d+:\d+$/.exec(location.replace(/^'|'$/g, ''))?.[1], ctx) : undefined;
        const cls = /^\s*name: '?(\w+)/m.exec(yaml.join('\n'))?.[1];
        const id = testId(file, [name]);
        if (seen.has(id)) continue;
        seen.add(id);
        // A file that fails to load reports only "test failed"; what it printed comes before, as "# " comments.
        let diagnostics: string[] = [];
        if (/^test failed$|^'?test failed'?$/.test(errorText.trim()) || errorText === '') {
          const sub = lines.slice(Math.max(0, i - 40), i).map((x) => /^\s*# (.*)$/.exec(x)?.[1]).filter((x): x is string => x !== undefined && !/^Subtest: /.test(x));
          diagnostics = sub.slice(-8);
        }
        const message = [...diagnostics, errorText, failureType === 'testTimeoutFailure' && !/timed out/.test(errorText) ? `test timed out` : ''].filter(Boolean).join('\n') || `test failed (${failureType ?? 'unknown'})`;
        out.push(finding(ctx, i, 1, { kind: 'test', framework: 'node-test', test_id: id, name, file, error_class: cls, error_code: code && /^[A-Z_]+$/.test(code) && code !== 'ERR_TEST_FAILURE' ? code : undefined, message, stack }, end));
        i = end - 1;
        continue;
      }
      const spec = /^(\s*)✖ (.+?)(?: \([\d.]+m?s\))?$/.exec(l);
      if (spec && !/failing tests:|^\s*✖ failing|^\s*✖ \d+ problems? \(/.test(l)) {
        const indent = spec[1]!.length;
        const end = blockEnd(lines, i + 1, (x) => x.trim() !== '' && /^\s*/.exec(x)![0].length <= indent);
        const body = lines.slice(i + 1, end);
        if (body.every((b) => b.trim() === '' || /^\s*✖/.test(b))) continue; // a parent: the leaf has the error
        const { message, stack } = splitMessage(body);
        const name = spec[2]!.trim();
        const id = testId(undefined, [name]);
        if (seen.has(id)) continue;
        seen.add(id);
        out.push(finding(ctx, i, 0.95, { kind: 'test', framework: 'node-test', test_id: id, name, message: message || 'test failed', stack }, end));
        i = end - 1;
      }
    }
    return out;
  },
};
