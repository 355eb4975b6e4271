import type { Detector, Finding } from '../types.js';
import { blockEnd, finding, repoPath, splitMessage } from './util.js';

/** pip: its "ERROR:" lines, with the connection warnings that explain them. */
export const pipDetector: Detector = {
  id: 'pip',
  sniff: (t) => /(?:^|\n)ERROR: (?:Could not|No matching distribution|Invalid requirement|ResolutionImpossible|Cannot install|Failed building|pip's dependency resolver|Directory '|File "setup.py")/.test(t),
  detect(lines, ctx) {
    const out: Finding[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (!/^ERROR: /.test(lines[i]!)) continue;
      let end = i + 1;
      while (end < lines.length && (/^ERROR: /.test(lines[end]!) || /^\s{2,}\S/.test(lines[end]!))) end++;
      const warnings = lines.slice(Math.max(0, i - 30), i).filter((x) => /^WARNING: Retrying|NewConnectionError|Connection (?:refused|timed out)|Read timed out/.test(x));
      const body = lines.slice(i, end).map((x) => x.replace(/^ERROR: /, ''));
      out.push(finding(ctx, i, 1, { kind: 'build', framework: 'pip', message: [...body, ...warnings.slice(-2)].join('\n').slice(0, 2000) }));
      i = end - 1;
    }
    return out;
  },
};

/** yarn classic and pnpm errors (npm's own are read by the build-log npm extractor). */
export const yarnPnpmDetector: Detector = {
  id: 'yarn-pnpm',
  sniff: (t) => t.includes('ERR_PNPM_') || /(?:^|\n)error (?!Command failed)/.test(t) || t.includes('YN0') || /issing script: /.test(t),
  detect(lines, ctx) {
    const out: Finding[] = [];
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      const pnpm = /^\s*(ERR_PNPM_[A-Z0-9_]+)\s+(.+)$/.exec(l);
      if (pnpm && !/RECURSIVE_RUN_FIRST_FAIL|ERR_PNPM_RECURSIVE_EXEC_FIRST_FAIL/.test(pnpm[1]!)) {
        out.push(finding(ctx, i, 1, { kind: 'build', framework: 'pnpm', error_code: pnpm[1], message: `${pnpm[1]} ${pnpm[2]}` }));
        continue;
      }
      const npmNoCode = /^npm (?:ERR!|error) (Missing script: .*|missing script: .*)$/.exec(l);
      if (npmNoCode) {
        out.push(finding(ctx, i, 0.9, { kind: 'build', framework: 'npm', message: npmNoCode[1]! }));
        continue;
      }
      const yarn = /^error (.+)$/.exec(l);
      if (yarn && !/^Command failed with (?:exit code|signal)|^Found \d+ errors?/.test(yarn[1]!)) {
        out.push(finding(ctx, i, 0.9, { kind: 'build', framework: 'yarn', message: yarn[1]! }));
        continue;
      }
      const berry = /^➤ (YN\d{4}): (?:│ )?(.+)$/.exec(l);
      if (berry && /error|fail|not found|couldn't|unable/i.test(berry[2]!)) out.push(finding(ctx, i, 0.9, { kind: 'build', framework: 'yarn', error_code: berry[1], message: berry[2]! }));
    }
    return out;
  },
};

/** Docker CLI and BuildKit. */
export const dockerDetector: Detector = {
  id: 'docker',
  sniff: (t) => /docker|failed to solve|Error response from daemon|denied: |manifest unknown|pull access denied/i.test(t),
  detect(lines, ctx) {
    const out: Finding[] = [];
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      const m = /^(?:ERROR: |Error: |error: |docker: )?(Cannot connect to the Docker daemon.*|error during connect: .*|Error response from daemon: .*|denied: .*|unauthorized: .*|pull access denied .*|manifest (?:for .* not found|unknown).*|failed to solve: .*|failed to compute cache key: .*|COPY failed: .*)$/.exec(l);
      if (!m) continue;
      // "failed to solve: process "/bin/sh -c npm ci" did not complete successfully" points back at the RUN output.
      const wrapper = /did not complete successfully|executor failed running/.test(m[1]!);
      out.push(finding(ctx, i, wrapper ? 0.3 : 0.95, { kind: 'build', framework: 'docker', message: m[1]! }));
    }
    return out;
  },
};

/** git's "fatal:"/"error:" lines and "remote:" explanations. */
export const gitDetector: Detector = {
  id: 'git',
  sniff: (t) => t.includes('fatal: ') || t.includes('error: pathspec') || t.includes('! [rejected]') || t.includes('error: failed to push'),
  detect(lines, ctx) {
    const out: Finding[] = [];
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      if (!/^(?:fatal: |error: (?:pathspec|failed to push|Your local changes|src refspec|cannot|could not|The following untracked)| ! \[(?:rejected|remote rejected)\])/.test(l)) continue;
      let end = i + 1;
      while (end < lines.length && /^(?:fatal: |error: |remote: |hint: |\s+!)/.test(lines[end]!) && end < i + 8) end++;
      const remote = lines.slice(Math.max(0, i - 3), i).filter((x) => /^remote: \S/.test(x));
      out.push(finding(ctx, i, 0.95, { kind: 'build', framework: 'git', message: [...remote, ...lines.slice(i, end).filter((x) => !/^hint: /.test(x))].join('\n') }));
      i = end - 1;
    }
    return out;
  },
};

const SHELL = /^(?:(?:\/[\w/]+\/)?(?:ba|z|da|k)?sh|[\w./-]+\.sh)(?:: line \d+|: \d+)?: (.+)$/;
const COREUTILS = /^(cat|cp|mv|rm|ls|source|\.|tar|chmod|chown|mkdir|cd|ln|wc|head|tail|grep|sed|awk|find|xargs|curl|wget|unzip|gzip|psql|mysql|env|timeout|test|install|realpath|readlink|stat): (.+)$/;

/** The shell and coreutils: missing commands, unbound variables, unreadable files, signals. */
export const shellDetector: Detector = {
  id: 'shell',
  sniff: (t) => /command not found|: not found|unbound variable|parameter null or not set|must be set|is not set|Permission denied|No such file or directory|cannot stat|sending signal|Killed|curl: \(\d+\)/.test(t),
  detect(lines, ctx) {
    const out: Finding[] = [];
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      const s = SHELL.exec(l);
      if (s && /command not found|not found|unbound variable|parameter null or not set|Permission denied|No such file or directory|syntax error|bad substitution|must be set|is not set/.test(s[1]!)) {
        out.push(finding(ctx, i, 0.9, { kind: 'build', framework: 'shell', message: l.trim() }));
        continue;
      }
      const c = COREUTILS.exec(l);
      if (c && /No such file or directory|cannot stat|Permission denied|not found|sending signal|Could not resolve host|Failed to connect|timed out|returned error|Operation not permitted|Is a directory/.test(c[2]!)) {
        out.push(finding(ctx, i, 0.85, { kind: 'build', framework: c[1] === 'curl' ? 'curl' : 'shell', message: l.trim() }));
        continue;
      }
      if (/^Killed$|^\S.*\bKilled\b\s+\S/.test(l) && !/^\s*✓/.test(l)) out.push(finding(ctx, i, 0.8, { kind: 'runtime', framework: 'shell', message: `${l.trim()} (signal 9)` }));
    }
    return out;
  },
};

/** Formatters in check mode: Prettier, gofmt diffs, Black-style "would reformat". */
export const formatDetector: Detector = {
  id: 'format',
  sniff: (t) => t.includes('[warn]') || t.includes('[error]') || t.includes('would reformat') || /(?:^|\n)diff (?:-u )?\S+\.go\.orig/.test(t) || t.includes('gofmt'),
  detect(lines, ctx) {
    const out: Finding[] = [];
    const summary = lines.find((l) => /Code style issues (?:found|were found)/.test(l));
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      const pe = /^\[error\] (\S+?): (\w*Error: .+)$/.exec(l);
      if (pe) {
        out.push(finding(ctx, i, 1, { kind: 'lint', framework: 'prettier', file: repoPath(pe[1], ctx), message: pe[2]! }));
        continue;
      }
      const pw = /^\[warn\] (\S+\.\w+)$/.exec(l);
      if (pw && summary) {
        out.push(finding(ctx, i, 1, { kind: 'lint', framework: 'prettier', file: repoPath(pw[1], ctx), message: `${summary.replace(/^\[warn\] /, '')} (${pw[1]})` }));
        continue;
      }
      const gd = /^diff (?:-u )?(\S+\.go)\.orig \S+\.go$/.exec(l);
      if (gd) {
        out.push(finding(ctx, i, 1, { kind: 'lint', framework: 'gofmt', file: repoPath(gd[1], ctx), message: `gofmt: ${gd[1]} is not formatted` }));
        continue;
      }
      const black = /^would reformat (\S+)$/.exec(l);
      if (black) out.push(finding(ctx, i, 1, { kind: 'lint', framework: 'black', file: repoPath(black[1], ctx), message: l.trim() }));
    }
    return out;
  },
};

/** Docutils and Sphinx: "file.rst:12: (ERROR/3) message" and "WARNING:" treated as errors. */
export const docsDetector: Detector = {
  id: 'docs',
  sniff: (t) => /\.(?:rst|md|txt):\d+: (?:\((?:ERROR|SEVERE|WARNING)\/\d\)|WARNING:|ERROR:)/.test(t),
  detect(lines, ctx) {
    const out: Finding[] = [];
    for (let i = 0; i < lines.length; i++) {
      const m = /^(.+?\.(?:rst|md|txt)):(\d+): (?:\((ERROR|SEVERE|WARNING)\/\d\)|(WARNING|ERROR):) (.+)$/.exec(lines[i]!);
      if (!m) continue;
      let end = i + 1;
      while (end < lines.length && /^\s+\S/.test(lines[end]!) && end < i + 6) end++;
      out.push(finding(ctx, i, 1, { kind: 'build', framework: m[3] ? 'docutils' : 'sphinx', file: repoPath(m[1], ctx), line: Number(m[2]), message: `(${m[3] ?? m[4]}) ${m[5]}` }));
      i = end - 1;
    }
    return out;
  },
};

const JS_ERROR = /^(?:Uncaught )?((?:[A-Z][\w$]*)?Error|AssertionError|DOMException)(?: \[([A-Z_]+)\])?: (.+)$/;

/** An uncaught JavaScript error printed by node (with its "file:line / source / caret" header and stack). */
export const nodeErrorDetector: Detector = {
  id: 'node-error',
  sniff: (t) => /Error(?: \[\w+\])?: /.test(t) && (t.includes('    at ') || t.includes('Node.js v')) || t.includes('heap out of memory'),
  detect(lines, ctx) {
    const out: Finding[] = [];
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      if (/FATAL ERROR: .*(?:heap out of memory|Allocation failed)/.test(l)) {
        out.push(finding(ctx, i, 1, { kind: 'runtime', framework: 'node', error_class: 'FatalError', message: l.trim() }));
        continue;
      }
      const m = JS_ERROR.exec(l);
      // The stack may follow a few lines of explanation (ERR_REQUIRE_ESM, ESLint's config errors).
      if (!m || !lines.slice(i + 1, i + 7).some((x) => /^\s+at /.test(x))) continue;
      const firstAt = lines.slice(i + 1, i + 7).findIndex((x) => /^\s+at /.test(x)) + i + 1;
      const end = blockEnd(lines, firstAt, (x) => !/^\s+at |^\s+\{|^\s+\w+: |^\s*\}$|^\s+\[cause\]|^\s*$/.test(x), 60);
      const body = lines.slice(i, end);
      // Header above the message: "/path/file.js:3" then the source line and a caret.
      const header = /^(?:file:\/\/)?(\/\S+?):(\d+)$/.exec(lines[i - 4] ?? '') ?? /^(?:file:\/\/)?(\/\S+?):(\d+)$/.exec(lines[i - 3] ?? '');
      const { message } = splitMessage(body);
      const frame = body.map((b) => /\((?:file:\/\/)?(\/[^():]+):(\d+):\d+\)|at (?:file:\/\/)?(\/[^():]+):(\d+):\d+$/.exec(b)).find((x) => x !== null && !/node_modules|node:internal/.test(x[0]));
      const cause = body.find((b) => /\[cause\]:/.test(b));
      const causeMsg = cause ? body.slice(body.indexOf(cause), body.indexOf(cause) + 3).join(' ').replace(/\s+/g, ' ') : '';
      out.push(finding(ctx, i, 0.9, { kind: 'runtime', framework: 'node', error_code: m[2], file: repoPath(header?.[1] ?? frame?.[1] ?? frame?.[3], ctx), line: header ? Number(header[2]) : frame ? Number(frame[2] ?? frame[4]) : undefined, message: [message, causeMsg].filter(Boolean).join('\n'), stack: body.join('\n').slice(0, 4000) }, end));
      i = end - 1;
    }
    return out;
  },
};

/** Coverage gates: Jest/Istanbul thresholds, nyc/c8, pytest-cov, JaCoCo, and scripts that say "coverage ... below". */
export const coverageDetector: Detector = {
  id: 'coverage',
  sniff: (t) => /coverage|Coverage/.test(t) && /threshold|not met|not reached|below|minimum|fail[_-]under|have not been met/i.test(t),
  detect(lines, ctx) {
    const out: Finding[] = [];
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      if (!/coverage/i.test(l)) continue;
      if (/does not meet .*threshold|threshold .* not met|not reached|is below|below (?:the )?(?:required|minimum)|under (?:the )?minimum|checks have not been met|fail[_-]under/i.test(l)) {
        out.push(finding(ctx, i, 0.95, { kind: 'test', framework: 'coverage', status: 'failed', message: l.trim() }));
      }
    }
    return out;
  },
};

/** AWS CLI: service errors ("An error occurred (AccessDenied) when calling ...") and missing credentials. */
export const awsDetector: Detector = {
  id: 'aws',
  sniff: (t) => t.includes('An error occurred (') || t.includes('Unable to locate credentials') || t.includes('upload failed:') || t.includes('aws: error:'),
  detect(lines, ctx) {
    const out: Finding[] = [];
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      const m = /(An error occurred \((\w+)\) when calling the \w+ operation.*|Unable to locate credentials.*|aws: error: .*)$/.exec(l);
      if (!m) continue;
      out.push(finding(ctx, i, 0.95, { kind: 'build', framework: 'aws', error_code: m[2], message: l.replace(/^(?:fatal error|upload failed|download failed|delete failed): /, '').trim() }));
    }
    return out;
  },
};

/** ESLint's own crash report (bad configuration, a plugin that fails to load): "Oops! Something went wrong! :(". */
export const eslintCrashDetector: Detector = {
  id: 'eslint-crash',
  sniff: (t) => t.includes('Oops! Something went wrong!'),
  detect(lines, ctx) {
    const out: Finding[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (!/^Oops! Something went wrong! :\($/.test(lines[i]!.trim())) continue;
      const end = blockEnd(lines, i + 1, (x) => /^See https?:\/\/eslint\.org|^##\[|^section_end|^npm (?:ERR!|error)/.test(x), 40);
      const body = lines.slice(i + 1, end).filter((x) => x.trim() !== '' && !/^ESLint: \d/.test(x.trim()));
      if (body.length === 0) continue;
      out.push(finding(ctx, i, 0.95, { kind: 'lint', framework: 'eslint', message: body.slice(0, 6).join('\n').trim() }, end));
      i = end - 1;
    }
    return out;
  },
};
