import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { FailureEvent } from '../../events/index.js';
import { execTool } from '../shared/exec.js';
import { eventLocations, type SourceLocation } from '../shared/locations.js';
import { isInside } from '../shared/worktree-path.js';
import type { SuggestionSource, SuggestOutcome, SuggestEnv } from './types.js';

const spanSchema = z.object({
  file_name: z.string(),
  line_start: z.number(),
  line_end: z.number(),
  column_start: z.number(),
  column_end: z.number(),
  is_primary: z.boolean(),
  suggested_replacement: z.string().nullable().optional(),
  text: z.array(z.object({ text: z.string() })).optional(),
});
const messageSchema = z.object({
  message: z.string(),
  code: z.object({ code: z.string() }).nullable(),
  level: z.string(),
  spans: z.array(spanSchema),
  children: z.array(z.object({ message: z.string(), level: z.string(), spans: z.array(spanSchema) })),
});
type RustcMessage = z.infer<typeof messageSchema>;

/** rustc's help lines that name a spelling neighbour (rustc_resolve / rustc_hir_typeck). */
const SIMILAR = /similar name|similarly named/;

function codeOf(event: FailureEvent): string | undefined {
  if (event.error_code && /^E\d{4}$/.test(event.error_code)) return event.error_code;
  return /error\[(E\d{4})\]/.exec(event.message)?.[1];
}

function isRust(event: FailureEvent): boolean {
  return (event.file?.endsWith('.rs') ?? false) && codeOf(event) !== undefined;
}

function crateDir(abs: string, worktree: string): string | undefined {
  for (let dir = path.dirname(abs); isInside(worktree, dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'Cargo.toml'))) return dir;
    if (dir === worktree) break;
  }
  return undefined;
}

/**
 * rustc's exact suggestion spans come from `cargo check --message-format=json` (the compiler, not the
 * tests). The target directory is a temporary one so no build output lands in the worktree's diff.
 */
async function checkMessages(dir: string, env: SuggestEnv): Promise<RustcMessage[]> {
  const target = await mkdtemp(path.join(os.tmpdir(), 'suture-cargo-'));
  try {
    const r = await execTool('cargo', ['check', '--all-targets', '--message-format=json', '--quiet'], {
      cwd: dir,
      signal: env.signal,
      timeoutMs: 300_000,
      env: { CARGO_TARGET_DIR: target, CARGO_TERM_COLOR: 'never' },
    });
    const out: RustcMessage[] = [];
    for (const line of r.stdout.split('\n')) {
      if (!line.startsWith('{')) continue;
      const parsed = z.object({ reason: z.string(), message: messageSchema.optional() }).safeParse(JSON.parse(line));
      if (parsed.success && parsed.data.reason === 'compiler-message' && parsed.data.message) out.push(parsed.data.message);
    }
    return out;
  } finally {
    await rm(target, { recursive: true, force: true });
  }
}

export const rustSource: SuggestionSource = {
  id: 'rust',
  recognizes: isRust,
  async suggest(event: FailureEvent, env: SuggestEnv): Promise<SuggestOutcome> {
    const code = codeOf(event);
    const loc = eventLocations(event, env.worktree).find((l) => l.from === 'event');
    if (!code || !loc) return undefined;
    const dir = crateDir(loc.abs, env.worktree);
    if (!dir) return { refused: `${loc.file} is not inside a Cargo crate` };
    const key = `cargo:${dir}`;
    if (!env.memo.has(key)) env.memo.set(key, checkMessages(dir, env));
    let messages: RustcMessage[];
    try {
      messages = (await env.memo.get(key)) as RustcMessage[];
    } catch (err) {
      return { refused: `cargo check could not run: ${(err as Error).message}` };
    }
    const diag = messages.find((m) => m.code?.code === code && m.spans.some((s) => s.is_primary && sameFile(dir, s.file_name, loc) && s.line_start === loc.line));
    if (!diag) return { refused: `rustc no longer reports ${code} at ${loc.file}:${loc.line}: stale position` };
    const spans = diag.children
      .filter((c) => c.level === 'help' && SIMILAR.test(c.message))
      .flatMap((c) => c.spans)
      .filter((s) => s.suggested_replacement != null && /^[\w:]+$/.test(s.suggested_replacement) && sameFile(dir, s.file_name, loc) && s.line_start === s.line_end);
    const distinct = new Set(spans.map((s) => `${s.line_start}:${s.column_start}:${s.suggested_replacement}`));
    if (spans.length === 0) return undefined;
    if (distinct.size > 1) return { refused: `rustc offers ${distinct.size} different names for ${code} at ${loc.file}:${loc.line}: ambiguous` };
    const s = spans[0]!;
    const from = s.text?.[0]?.text.slice(s.column_start - 1, s.column_end - 1);
    if (!from || !/^[\w:]+$/.test(from)) return { refused: `rustc's suggestion span at ${loc.file}:${s.line_start} is not a single name` };
    const at: SourceLocation = { ...loc, line: s.line_start, column: s.column_start };
    return { suggestion: { from, to: s.suggested_replacement!, role: 'any', lang: 'rust', locations: [at], exact: true, source: `rustc ${code}` } };
  },
};

function sameFile(crate: string, fileName: string, loc: SourceLocation): boolean {
  return path.resolve(crate, fileName) === loc.abs || loc.abs.endsWith(`/${fileName.replace(/\\/g, '/')}`);
}
