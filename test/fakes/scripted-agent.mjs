#!/usr/bin/env node
// A stand-in for a coding-agent CLI (claude -p, aider, codex exec) in tests: it edits files in its
// working directory as a JSON plan says, prints what the plan says, and records what it was given
// (argv, stdin, the prompt and task files, its environment) so tests can check what reached it.
//
//   node scripted-agent.mjs --plan plan.json [any other args, recorded]
//
// plan.json: { "record": "<dir>", "steps": [ { "edits": [{ "file", "search", "replace" } | { "file", "content" }],
//               "output": "text", "exit": 0, "sleepMs": 0 } ] }   (one step per invocation, in order)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const argv = process.argv.slice(2);
const planFile = argv[argv.indexOf('--plan') + 1];
if (!planFile || !existsSync(planFile)) {
  process.stderr.write('scripted-agent: --plan <file> is required\n');
  process.exit(2);
}
const plan = JSON.parse(readFileSync(planFile, 'utf8'));
const counter = `${planFile}.count`;
const n = existsSync(counter) ? Number(readFileSync(counter, 'utf8')) : 0;
writeFileSync(counter, String(n + 1));
const step = plan.steps[Math.min(n, plan.steps.length - 1)] ?? {};

let stdin = '';
try {
  stdin = readFileSync(0, 'utf8');
} catch {
  /* no stdin */
}
if (plan.record) {
  const dir = path.join(plan.record, `call-${n + 1}`);
  mkdirSync(dir, { recursive: true });
  const read = (f) => (f && existsSync(f) ? readFileSync(f, 'utf8') : null);
  writeFileSync(path.join(dir, 'argv.json'), JSON.stringify(argv));
  writeFileSync(path.join(dir, 'stdin.txt'), stdin);
  writeFileSync(path.join(dir, 'prompt.md'), read(process.env.SUTURE_PROMPT_FILE) ?? '');
  writeFileSync(path.join(dir, 'task.yaml'), read(process.env.SUTURE_TASK_FILE) ?? '');
  writeFileSync(path.join(dir, 'env.json'), JSON.stringify(process.env));
  writeFileSync(path.join(dir, 'cwd.txt'), process.cwd());
}

if (step.sleepMs) await new Promise((r) => setTimeout(r, step.sleepMs));
for (const e of step.edits ?? []) {
  const file = path.join(process.cwd(), e.file);
  if ('content' in e) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, e.content);
    continue;
  }
  const text = readFileSync(file, 'utf8');
  if (!text.includes(e.search)) {
    process.stderr.write(`scripted-agent: search text not found in ${e.file}\n`);
    process.exit(3);
  }
  writeFileSync(file, text.replace(e.search, e.replace));
}
if (step.output) process.stdout.write(`${step.output}\n`);
process.exit(step.exit ?? 0);
