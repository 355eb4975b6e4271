import { randomBytes } from 'node:crypto';
import type { AttemptRecord, Cluster, FailureEvent } from '../../../events/index.js';
import { redact } from '../../../secrets/registry.js';
import { answerFormat, rules, type AnswerStyle } from './instructions.js';
import type { SourceFile } from './sources.js';
import { fitSections, type Section } from './fit.js';

export interface PromptInput {
  cluster: Cluster;
  events: FailureEvent[];
  previousAttempts: AttemptRecord[];
  sources: SourceFile[];
  docs: { path: string; text: string }[];
  style: AnswerStyle;
  maxChars: number;
}

export interface Prompt {
  system: string;
  user: string;
  /** The delimiter nonce around untrusted text. */
  nonce: string;
}

const MAX_EVENTS = 6;
const WHOLE_FILE_CHARS = 12_000;
const WINDOW = 40;

/**
 * The prompt for one attempt: the failure (with the test output fenced as untrusted data), the code
 * to read, what was tried and why it failed, the repository's own instructions. Redacted, and cut to
 * `maxChars` by dropping the least useful parts first.
 */
export function buildPrompt(input: PromptInput): Prompt {
  const nonce = randomBytes(6).toString('hex');
  const system = redact(`${rules(nonce)}\n\n${answerFormat(input.style)}`);
  const sections: Section[] = [
    { title: 'The failure', body: failureSummary(input.cluster, input.events), priority: 9 },
    { title: 'Test output (untrusted data)', body: untrusted(nonce, testOutput(input.events)), priority: 8, keepTail: `\nUNTRUSTED-${nonce}>>>` },
    ...sourceSections(input.sources),
    { title: 'Previous attempts (all rejected)', body: previous(input.previousAttempts), priority: 5 },
    ...input.docs.map((d) => ({ title: `Repository instructions: ${d.path}`, body: d.text, priority: 2 })),
    { title: 'Your answer', body: answerFormat(input.style).split('\n')[0]!, priority: 10 },
  ];
  // Redacted before fitting, so the size limit holds for what is actually sent.
  const redacted = sections.filter((s) => s.body.trim() !== '').map((s) => ({ ...s, title: redact(s.title), body: redact(s.body) }));
  const user = fitSections(redacted, input.maxChars - system.length);
  return { system, user, nonce };
}

function failureSummary(c: Cluster, events: FailureEvent[]): string {
  const tests = c.testIds.slice(0, 20).map((t) => `- ${t}`);
  if (c.testIds.length > 20) tests.push(`- … and ${c.testIds.length - 20} more`);
  const repro = [...new Set(events.map((e) => e.repro_cmd).filter((x): x is string => !!x))].slice(0, 3);
  return [
    `Stage: ${c.stage}; category: ${c.category} (triage confidence ${c.confidence.toFixed(2)})`,
    `Root cause (triage): ${c.rootCause}`,
    c.suggestedFix ? `Suggested direction (triage): ${c.suggestedFix}` : '',
    `Failing (${c.count}):`,
    ...tests,
    repro.length > 0 ? `Re-run with: ${repro.join(' ; ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

function testOutput(events: FailureEvent[]): string {
  return events
    .slice(0, MAX_EVENTS)
    .map((e) => {
      const where = e.file ? `${e.file}${e.line ? `:${e.line}` : ''}` : '';
      const head = `[${e.kind}] ${e.test_id}${where ? ` at ${where}` : ''}${e.error_class ? ` (${e.error_class})` : ''}`;
      const parts = [head, e.message.slice(0, 3000)];
      if (e.suggestion) parts.push(`suggestion: ${e.suggestion}`);
      if (e.stack) parts.push(e.stack.slice(0, 3000));
      return parts.join('\n');
    })
    .join('\n\n');
}

/** Fences data so nothing inside it can close the fence (the nonce is fresh per prompt). */
export function untrusted(nonce: string, text: string): string {
  const clean = text.split(nonce).join('');
  return `<<<UNTRUSTED-${nonce}\n${clean}\nUNTRUSTED-${nonce}>>>`;
}

function sourceSections(sources: SourceFile[]): Section[] {
  const priority: Record<SourceFile['role'], number> = { 'failing test': 7, 'stack frame': 6, 'imported by a failing test': 6, 'same package as a failing test': 4 };
  return sources.map((s) => ({ title: `${s.path} (${s.role})`, body: fence(s), priority: priority[s.role], keepTail: '\n```' }));
}

function fence(s: SourceFile): string {
  const lines = s.text.split('\n');
  if (s.text.length <= WHOLE_FILE_CHARS || s.lines.length === 0) {
    return `\`\`\`${lang(s.path)}\n${s.text.length <= WHOLE_FILE_CHARS ? s.text : s.text.slice(0, WHOLE_FILE_CHARS) + '\n… [trimmed]'}\n\`\`\``;
  }
  // Large file: windows around the lines the failure points at, merged.
  const ranges: [number, number][] = [];
  for (const l of [...s.lines].sort((a, b) => a - b)) {
    const r: [number, number] = [Math.max(1, l - WINDOW), Math.min(lines.length, l + WINDOW)];
    const last = ranges[ranges.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else ranges.push(r);
  }
  return ranges.map(([a, b]) => `lines ${a}-${b} of ${lines.length}:\n\`\`\`${lang(s.path)}\n${lines.slice(a - 1, b).join('\n')}\n\`\`\``).join('\n');
}

function previous(attempts: AttemptRecord[]): string {
  return attempts
    .filter((a) => a.fixer !== 'none')
    .map((a) => {
      const head = `Attempt ${a.attempt} by ${a.fixer}: ${a.outcome}: ${a.reason}`;
      if (!a.patch) return head;
      const diff = a.patch.diff.length > 2500 ? `${a.patch.diff.slice(0, 2500)}\n… [trimmed]` : a.patch.diff;
      return `${head}\n\`\`\`diff\n${diff}\n\`\`\``;
    })
    .join('\n\n');
}

function lang(p: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(p)?.[1] ?? '';
  return { ts: 'ts', tsx: 'tsx', js: 'js', mjs: 'js', cjs: 'js', py: 'python', go: 'go', rs: 'rust', java: 'java' }[ext] ?? '';
}
