/**
 * Wraps a real tool output (an example of data/triage/examples.jsonl, produced by running the tool) in
 * a whole CI job log the way GitHub Actions, GitLab CI and Travis CI print one: runner preamble,
 * checkout, dependency install, a passing step with "error" in its text, the failing step, the exit
 * line and post-job cleanup; timestamps, ANSI colours, group/section/fold markers; sometimes the failing
 * output interleaved with a parallel task's (turbo-style prefixes). Used to measure how often the
 * extractor (and the grep/tail baselines) find the real cause in a whole log.
 */
import { stripWorkspaces } from '../../src/ingest/ci-log/workspace.js';

export type Style = 'github' | 'gitlab' | 'travis';

export interface WrapInput {
  id: string;
  command: string;
  output: string;
  exit_code: number | null | undefined;
}

class Rng {
  #s: number;
  constructor(seed: string) {
    let h = 2166136261;
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
    this.#s = h >>> 0;
  }
  next(): number {
    this.#s = (Math.imul(this.#s, 1664525) + 1013904223) >>> 0;
    return this.#s / 4294967296;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
}

const ESC = '\u001b';
const NPM_INSTALL = [
  'npm warn deprecated inflight@1.0.6: This module is not supported, and leaks memory. Do not use it. Check out lru-cache if you want a good and tested way to coalesce async requests by a key value, which is much more comprehensive and powerful.',
  'npm warn deprecated glob@7.2.3: Glob versions prior to v9 are no longer supported',
  '',
  'added 412 packages, and audited 413 packages in 9s',
  '',
  '68 packages are looking for funding',
  '  run `npm fund` for details',
  '',
  'found 0 vulnerabilities',
];
const PIP_INSTALL = ['Collecting pytest==8.2.0', '  Downloading pytest-8.2.0-py3-none-any.whl (339 kB)', 'Collecting requests>=2.31', '  Using cached requests-2.31.0-py3-none-any.whl (62 kB)', 'Installing collected packages: urllib3, idna, charset-normalizer, certifi, requests, pytest', 'Successfully installed certifi-2024.2.2 charset-normalizer-3.3.2 idna-3.7 pytest-8.2.0 requests-2.31.0 urllib3-2.2.1'];
const PASSING = [
  ['PASS src/errors/handler.test.js', '  error handler', '    ✓ returns 404 for unknown routes (12 ms)', '    ✓ logs the error and responds 500 (4 ms)', '', 'Test Suites: 1 passed, 1 total', 'Tests:       2 passed, 2 total'],
  ['✔ 0 problems (0 errors, 0 warnings)'],
  ['tests/test_errors.py::test_raises_value_error PASSED                      [ 50%]', 'tests/test_errors.py::test_error_message PASSED                          [100%]', '', '============================== 2 passed in 0.12s ==============================='],
  ['ok  \tgithub.com/acme/app/internal/errors\t0.004s', 'ok  \tgithub.com/acme/app/internal/retry\t0.011s'],
  ['Checking formatting...', 'All matched files use Prettier code style!'],
];

function workspaceOf(output: string): string {
  return /(\/home\/runner\/work\/[^/\s]+\/[^/\s'":]+|\/builds\/[^/\s]+\/[^/\s'":]+|\/home\/travis\/build\/[^/\s]+\/[^/\s'":]+|\/var\/lib\/jenkins\/workspace\/[^/\s'":]+|\/home\/circleci\/project|\/workspace\/[^/\s'":]+)/.exec(output)?.[1] ?? '/home/runner/work/app/app';
}

function interleave(rng: Rng, output: string[]): string[] {
  // A second task's passing output mixed in, each line prefixed with its task, as turbo prints.
  const other = ['> @acme/web@1.0.0 lint', '> eslint src', '', '✔ no problems', 'lint finished in 2.1s'];
  const mine = output.map((l) => `api:test: ${l}`);
  const theirs = other.map((l) => `web:lint: ${l}`);
  const out: string[] = [];
  while (mine.length || theirs.length) {
    if (theirs.length && (rng.next() < 0.3 || !mine.length)) out.push(theirs.shift()!);
    else out.push(mine.shift()!);
  }
  return out;
}

export function wrapLog(ex: WrapInput, style: Style, opts: { interleave?: boolean } = {}): string {
  const rng = new Rng(ex.id + style);
  const ws = workspaceOf(ex.output);
  const python = /pytest|python|pip/.test(ex.command);
  const install = python ? PIP_INSTALL : NPM_INSTALL;
  const installCmd = python ? 'python -m pip install -r requirements-dev.txt' : 'npm ci';
  const passing = rng.pick(PASSING);
  let failing = ex.output.replace(/\n$/, '').split('\n');
  if (opts.interleave) failing = interleave(rng, failing);
  const code = ex.exit_code ?? 1;
  let t = Date.UTC(2024, 4, 1, 10, Math.floor(rng.next() * 50), 0);
  const lines: string[] = [];
  if (style === 'github') {
    const stamp = (l: string): string => {
      t += Math.floor(rng.next() * 900);
      return `${new Date(t).toISOString().replace('Z', '0000Z')} ${l}`;
    };
    const push = (...ls: string[]): void => void lines.push(...ls.map(stamp));
    push('Current runner version: \'2.316.1\'', '##[group]Operating System', 'Ubuntu', '22.04.4', 'LTS', '##[endgroup]', '##[group]Runner Image', 'Image: ubuntu-22.04', 'Version: 20240422.1.0', '##[endgroup]');
    push('##[group]Run actions/checkout@v4', 'with:', '  repository: acme/app', '  token: ***', '##[endgroup]', 'Syncing repository: acme/app', '##[group]Getting Git version info', `Working directory is '${ws}'`, '[command]/usr/bin/git version', 'git version 2.44.0', '##[endgroup]', `[command]/usr/bin/git init ${ws}`, `Initialized empty Git repository in ${ws}/.git/`, '[command]/usr/bin/git checkout --progress --force -B main refs/remotes/origin/main', "Switched to a new branch 'main'");
    push(`##[group]Run ${installCmd}`, installCmd, 'shell: /usr/bin/bash -e {0}', '##[endgroup]', ...install);
    push('##[group]Run npm run lint --if-present', 'npm run lint --if-present', 'shell: /usr/bin/bash -e {0}', '##[endgroup]', ...passing);
    push(`##[group]Run ${ex.command.split('\n')[0]}`, ex.command.split('\n')[0]!, 'shell: /usr/bin/bash -e {0}', 'env:', '  CI: true', '##[endgroup]', ...failing, `##[error]Process completed with exit code ${code}.`);
    push('Post job cleanup.', '[command]/usr/bin/git version', 'git version 2.44.0', `Temporarily overriding HOME='/home/runner/work/_temp/${Math.floor(rng.next() * 1e8)}' before making global git config changes`, 'Cleaning up orphan processes');
    return lines.join('\n') + '\n';
  }
  if (style === 'gitlab') {
    const sec = (name: string, title: string): string => `section_start:${Math.floor(t / 1000)}:${name}\r${ESC}[0K${ESC}[0K${ESC}[36;1m${title}${ESC}[0;m`;
    const end = (name: string): string => `section_end:${Math.floor(t / 1000)}:${name}\r${ESC}[0K`;
    const cmd = (c: string): string => `${ESC}[32;1m$ ${c}${ESC}[0;m`;
    lines.push(`${ESC}[0KRunning with gitlab-runner 16.11.0 (91a27b2a)${ESC}[0;m`, `${ESC}[0K  on docker-runner-1 xK3m2pQ, system ID: s_4a1b2c3d4e5f${ESC}[0;m`);
    lines.push(sec('prepare_executor', 'Preparing the "docker" executor'), `${ESC}[0KUsing Docker executor with image node:20 ...${ESC}[0;m`, end('prepare_executor'));
    lines.push(sec('get_sources', 'Getting source from Git repository'), `${ESC}[32;1mFetching changes with git depth set to 20...${ESC}[0;m`, `Initialized empty Git repository in ${ws}/.git/`, `${ESC}[32;1mCreated fresh repository.${ESC}[0;m`, `${ESC}[32;1mChecking out 3f9a2b1c as detached HEAD (ref is main)...${ESC}[0;m`, end('get_sources'));
    lines.push(sec('step_script', 'Executing "step_script" stage of the job script'), cmd(installCmd), ...install, cmd('npm run lint --if-present'), ...passing, cmd(ex.command.split('\n')[0]!), ...failing, end('step_script'));
    lines.push(sec('cleanup_file_variables', 'Cleaning up project directory and file based variables'), end('cleanup_file_variables'), `${ESC}[31;1mERROR: Job failed: exit code ${code}${ESC}[0;m`);
    return lines.join('\n') + '\n';
  }
  const fold = (name: string, title: string): string => `travis_fold:start:${name}\r${ESC}[0K${ESC}[33;1m${title}${ESC}[0m`;
  lines.push(fold('worker_info', 'Worker information'), 'hostname: 8f2a1c3e-4b5d-4e6f-8a9b-0c1d2e3f4a5b@1.worker-com-1234.gce-production-3', 'version: v6.2.26 https://github.com/travis-ci/worker/tree/abc123', 'travis_fold:end:worker_info\r' + `${ESC}[0K`);
  lines.push(fold('git.checkout', 'git.checkout'), `travis_time:start:0a1b2c3d\r${ESC}[0K$ git clone --depth=50 --branch=main https://github.com/acme/app.git acme/app`, "Cloning into 'acme/app'...", 'travis_fold:end:git.checkout\r' + `${ESC}[0K`);
  lines.push(`travis_time:start:1b2c3d4e\r${ESC}[0K$ ${installCmd}`, ...install, `travis_time:end:1b2c3d4e:start=1714557600,finish=1714557609,duration=9\r${ESC}[0K`);
  lines.push('$ npm run lint --if-present', ...passing);
  lines.push(`travis_time:start:2c3d4e5f\r${ESC}[0K$ ${ex.command.split('\n')[0]}`, ...failing, `travis_time:end:2c3d4e5f:start=1714557610,finish=1714557640,duration=30\r${ESC}[0K`, `${ESC}[31;1mThe command "${ex.command.split('\n')[0]}" exited with ${code}.${ESC}[0m`, '', 'Done. Your build exited with 1.');
  return lines.join('\n') + '\n';
}

/** Baselines the literature compares against: the first or last line saying "error", and the log's tail. */
export function baselines(log: string): { grepFirst: string; grepLast: string; tail1: string; tail10: string } {
  // eslint-disable-next-line no-control-regex
  const lines = log.split('\n').map((l) => l.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/^\d{4}-\d\d-\d\dT[\d:.]+Z /, '').replace(/^section_(?:start|end):\d+:\S+\r/, '').trim()).filter((l) => l !== '');
  const errs = lines.filter((l) => /error/i.test(l));
  return { grepFirst: errs[0] ?? '', grepLast: errs[errs.length - 1] ?? '', tail1: lines[lines.length - 1] ?? '', tail10: lines.slice(-10).join('\n') };
}

// Severity labels say nothing about the cause; a result need not repeat them.
const SEVERITY = new Set(['error', 'errors', 'err', 'warning', 'warn', 'fatal', 'npm', 'info']);

/** Does this text state the cause? At least 80% of the cause line's words appear in it. */
export function states(text: string, cause: string): boolean {
  const words = (stripWorkspaces(cause).toLowerCase().match(/[a-z0-9_]{2,}/g) ?? []).filter((w) => !SEVERITY.has(w) && !/^\d+$/.test(w));
  if (words.length === 0) return false;
  const have = new Set(text.toLowerCase().match(/[a-z0-9_]{2,}/g) ?? []);
  return words.filter((w) => have.has(w)).length / words.length >= 0.8;
}
