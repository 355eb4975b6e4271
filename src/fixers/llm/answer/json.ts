import { z } from 'zod';
import { AnswerError, type Answer } from './types.js';

/** The JSON answer: `{unfixable, explanation, changes[]}`; `path` is accepted for `file`; `content` replaces a whole file. */
const changeSchema = z
  .object({
    file: z.string().min(1).optional(),
    path: z.string().min(1).optional(),
    search: z.string().default(''),
    replace: z.string().optional(),
    content: z.string().optional(),
  })
  .refine((c) => c.file ?? c.path, { message: 'each change needs "file"' })
  .refine((c) => (c.replace === undefined) !== (c.content === undefined), { message: 'each change needs "replace" (with "search") or "content", not both' });

export const jsonAnswerSchema = z.object({
  unfixable: z.boolean().default(false),
  explanation: z.string().default(''),
  changes: z.array(changeSchema).default([]),
});

/** Finds the JSON object in a reply (bare, or in a ```json fence) and validates it. */
export function parseJsonAnswer(text: string): Answer {
  const raw = extractJson(text);
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (err) {
    throw new AnswerError([`the JSON does not parse (${(err as Error).message}); the answer may have been cut off`]);
  }
  const r = jsonAnswerSchema.safeParse(data);
  if (!r.success) {
    throw new AnswerError(r.error.issues.slice(0, 5).map((i) => `JSON field ${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const a = r.data;
  if (a.unfixable) return { kind: 'unfixable', explanation: a.explanation || 'no reason given' };
  if (a.changes.length === 0) throw new AnswerError(['"unfixable" is false but "changes" is empty']);
  return { kind: 'edits', explanation: a.explanation, edits: a.changes.map((c) =>
      c.content !== undefined ? { file: (c.file ?? c.path)!, search: '', replace: c.content, whole: true } : { file: (c.file ?? c.path)!, search: c.search, replace: c.replace! },
    ),
  };
}

function extractJson(text: string): string {
  const fenced = /```(?:json)?\s*\n([\s\S]*?)\n?```/.exec(text);
  if (fenced && fenced[1]!.trim().startsWith('{')) return fenced[1]!.trim();
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  return start >= 0 ? text.slice(start, end >= start ? end + 1 : undefined) : text.trim();
}
