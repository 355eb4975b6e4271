import { parse as parseYaml } from 'yaml';
import type { Severity } from '../../events/index.js';
import type { ChangedFile } from '../diff/parse.js';
import type { GuardContext } from '../context.js';
import { norm } from '../testmodel/model.js';
import { introduced, type Occurrence, type RuleFinding, type Rule } from './types.js';

export const CI_FILE = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$|(^|\/)\.gitlab-ci\.yml$|(^|\/)\.gitlab\/.*\.ya?ml$|(^|\/)\.circleci\/config\.ya?ml$|(^|\/)azure-pipelines\.ya?ml$|(^|\/)Jenkinsfile$|(^|\/)\.travis\.yml$|(^|\/)bitbucket-pipelines\.yml$|(^|\/)\.buildkite\/.*\.ya?ml$/;
const SCRIPT_FILE = /(^|\/)(package\.json|Makefile|justfile|Taskfile\.ya?ml|tox\.ini|noxfile\.py|\.pre-commit-config\.yaml|lefthook\.yml)$|(^|\/)(scripts?|ci|\.ci|bin)\/[^/]+\.(sh|bash)$/;
const COVERAGE_CONFIG = /(^|\/)((jest|vitest|vite|karma)\.config\.[cm]?[jt]s|\.nycrc(\.json|\.ya?ml)?|\.c8rc(\.json)?|package\.json|\.coveragerc|setup\.cfg|pyproject\.toml|tox\.ini|pytest\.ini|codecov\.ya?ml|\.codecov\.ya?ml|\.testcoverage\.ya?ml|sonar-project\.properties|Makefile)$/;

interface Lenient {
  re: RegExp;
  label: string;
  severity: Severity;
}

/** Ways to make a failing command count as passing. */
const LENIENT: Lenient[] = [
  { re: /\|\|\s*(true|:|exit\s+0|echo\b)/, label: '`|| true` (failures ignored)', severity: 'block' },
  { re: /;\s*(exit\s+0|true)\s*$/, label: '`; exit 0` (exit status overwritten)', severity: 'block' },
  { re: /continue-on-error:\s*(true|\$\{\{\s*true\s*\}\})/, label: '`continue-on-error: true`', severity: 'block' },
  { re: /allow_failure:\s*true/, label: '`allow_failure: true`', severity: 'block' },
  { re: /\bset\s+\+e\b/, label: '`set +e` (errors ignored)', severity: 'block' },
  { re: /--passWithNoTests|--pass-with-no-tests|--no-tests=pass|--allow-no-tests/, label: 'passes when no tests run', severity: 'block' },
  { re: /--exit-zero|--exitzero|--exit-code[= ]0|--no-fail\b|--force-exit-zero/, label: 'linter forced to exit 0', severity: 'block' },
  { re: /^\s*if:\s*(false|\$\{\{\s*false\s*\}\})\s*$/, label: '`if: false` (job or step disabled)', severity: 'block' },
  { re: /^\s*when:\s*never\b/, label: '`when: never` (job disabled)', severity: 'block' },
  { re: /^\s*when:\s*manual\b/, label: '`when: manual` (job no longer runs automatically)', severity: 'approval' },
  { re: /--deselect\b|\s-k\s+['"]?not\b|--ignore(-glob)?[= ]\S*test|testPathIgnorePatterns|--testPathIgnorePatterns|--exclude[= ]\S*test|\s-skip\s/, label: 'tests excluded from the run', severity: 'block' },
];

const THRESHOLD_KEY = /^(fail[_-]?under|cov[_-]fail[_-]under|min(imum)?[_-]?coverage|coverage[_-]?(threshold|min(imum)?)|check[_-]coverage|threshold|target|lines|branches|functions|statements|total|file|package|perFile|autoUpdate)$|cov\w*[_-](min|minimum|threshold|fail)|(min|minimum|threshold)[_-]\w*cov/i;
/** `key: 80`, `"key": 80`, `key = 80`, `KEY ?= 80` (make), `--key=80`, `--key 80`, `target: 80%`. */
const PAIR = /(?:^|[\s{,"'(-])([A-Za-z][\w.-]*)["']?\s*(?:[?:+]?=|:|\s(?=\d))\s*["']?(\d+(?:\.\d+)?)%?/g;

function thresholds(text: string, ci: boolean): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (const line of text.split('\n')) {
    if (/^\s*(#|\/\/)/.test(line)) continue;
    for (const match of line.matchAll(PAIR)) {
      const key = match[1]!.split('.').pop()!.replace(/^-+/, '');
      if (!THRESHOLD_KEY.test(key)) continue;
      if (ci && !/cov|threshold|fail.under/i.test(line)) continue;
      const list = m.get(key.toLowerCase()) ?? [];
      list.push(Number(match[2]));
      m.set(key.toLowerCase(), list);
    }
  }
  return m;
}

function loweredThresholds(base: string, head: string, ci: boolean): string[] {
  const before = thresholds(base, ci);
  const after = thresholds(head, ci);
  const out: string[] = [];
  for (const [key, bvals] of before) {
    const avals = after.get(key) ?? [];
    const b = [...bvals].sort((x, y) => x - y);
    const a = [...avals].sort((x, y) => x - y);
    if (a.length < b.length) out.push(`${key} threshold removed (${b.join(', ')})`);
    else if (b.some((v, i) => a[i]! < v)) out.push(`${key} lowered ${b.join(', ')} → ${a.join(', ')}`);
  }
  return out;
}

function lenientLines(text: string, file: string): Array<Occurrence & { severity: Severity }> {
  const out: Array<Occurrence & { severity: Severity }> = [];
  text.split('\n').forEach((line, i) => {
    if (/^\s*#/.test(line) && !file.endsWith('.json')) return;
    for (const l of LENIENT) if (l.re.test(line)) out.push({ key: `${l.label}\0${norm(line)}`, line: i + 1, label: l.label, severity: l.severity });
  });
  return out;
}

type Jobs = Map<string, number>;

/** Job name → number of steps, for GitHub Actions, GitLab CI, CircleCI, Azure and Bitbucket files. */
function jobsOf(text: string): Jobs | undefined {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch {
    return undefined;
  }
  if (!doc || typeof doc !== 'object') return undefined;
  const jobs: Jobs = new Map();
  const d = doc as Record<string, unknown>;
  const stepsOf = (job: unknown): number => {
    if (!job || typeof job !== 'object') return 0;
    const j = job as Record<string, unknown>;
    const list = j.steps ?? j.script;
    return Array.isArray(list) ? list.length : typeof list === 'string' ? 1 : 0;
  };
  if (d.jobs && typeof d.jobs === 'object' && !Array.isArray(d.jobs)) {
    for (const [k, v] of Object.entries(d.jobs as Record<string, unknown>)) jobs.set(k, stepsOf(v));
  }
  for (const [k, v] of Object.entries(d)) {
    if (v && typeof v === 'object' && !Array.isArray(v) && 'script' in (v as object) && !k.startsWith('.')) jobs.set(k, stepsOf(v));
  }
  return jobs;
}

function packageScripts(text: string): Record<string, string> | undefined {
  try {
    const pkg = JSON.parse(text) as { scripts?: Record<string, string> };
    return pkg.scripts ?? {};
  } catch {
    return undefined;
  }
}

async function checkFile(ctx: GuardContext, f: ChangedFile): Promise<RuleFinding[]> {
  const out: RuleFinding[] = [];
  const ci = CI_FILE.test(f.path);
  const [base, head] = [await ctx.source('base', f), await ctx.source('head', f)];
  if (f.status === 'deleted') {
    if (ci && base && !base.fragment) out.push({ message: 'CI configuration deleted', file: f.path, line: 1 });
    return out;
  }
  if (!head) return out;
  for (const o of introduced(base ? lenientLines(base.text, f.path) : undefined, lenientLines(head.text, f.path), ctx.addedLines(f))) {
    out.push({ message: `CI made lenient: ${o.label}`, file: f.path, line: head.fragment ? o.line : o.line, severity: o.severity });
  }
  if (base && COVERAGE_CONFIG.test(f.path) || (ci && base)) {
    for (const msg of loweredThresholds(base!.text, head.text, ci && !COVERAGE_CONFIG.test(f.path))) {
      out.push({ message: `coverage ${msg}`, file: f.path, line: f.added[0]?.line ?? f.removed[0]?.line });
    }
  }
  if (ci && base && !base.fragment && !head.fragment) {
    const [bj, hj] = [jobsOf(base.text), jobsOf(head.text)];
    for (const [job, steps] of bj ?? []) {
      const now = hj?.get(job);
      if (hj && now === undefined) out.push({ message: `CI job '${job}' removed`, file: f.path, line: f.removed[0]?.line });
      else if (now !== undefined && now < steps) out.push({ message: `CI job '${job}' has fewer steps (${steps} → ${now})`, file: f.path, line: f.removed[0]?.line, severity: 'approval' });
    }
  }
  if (/(^|\/)package\.json$/.test(f.path) && base && !base.fragment && !head.fragment) {
    const [bs, hs] = [packageScripts(base.text), packageScripts(head.text)];
    for (const name of ['test', 'lint', 'typecheck', 'check', 'coverage', 'test:ci', 'ci']) {
      const was = bs?.[name];
      const now = hs?.[name];
      if (was === undefined || !hs) continue;
      if (now === undefined) out.push({ message: `package.json script '${name}' removed`, file: f.path });
      else if (/^\s*(echo\b|exit 0|true\b|:)/.test(now) && !/^\s*(echo\b|exit 0|true\b|:)/.test(was)) out.push({ message: `package.json script '${name}' no longer runs anything ('${now}')`, file: f.path });
    }
  }
  return out;
}

/** CI and scripts changed so that failures no longer fail: `|| true`, continue-on-error, lower thresholds, removed jobs. */
export const ciLenient: Rule = {
  id: 'ci-lenient',
  description: 'The patch makes CI or test scripts lenient (|| true, continue-on-error, allow_failure, lowered coverage thresholds, removed jobs or steps)',
  severity: 'block',
  async run(ctx) {
    const out: RuleFinding[] = [];
    for (const f of ctx.files) {
      if (!CI_FILE.test(f.path) && !SCRIPT_FILE.test(f.path) && !COVERAGE_CONFIG.test(f.path)) continue;
      out.push(...(await checkFile(ctx, f)));
    }
    return out;
  },
};
