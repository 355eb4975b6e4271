import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FailureEvent } from '../../events/index.js';
import { parseFrames } from '../../ingest/frames.js';
import { isInside, resolveInWorktree, toWorktreeRelative } from './worktree-path.js';

/** A place in the worktree a failure points at. */
export interface SourceLocation {
  /** Repository-relative, forward slashes. */
  file: string;
  /** Absolute path inside the worktree. */
  abs: string;
  line: number;
  column?: number;
  /** Where this came from: the event's own position or a stack frame. */
  from: 'event' | 'frame';
}

const VENDOR = /(^|\/)(node_modules|site-packages|dist-packages|vendor|\.venv|venv|\.cargo|\.rustup|go\/pkg\/mod)\//;
const INTERNAL = /^(node:|internal\/|<anonymous>|native|evalmachine|<frozen )/;

/**
 * Every in-worktree location an event points at, most likely origin first: the event's own position
 * when it has a column (a compiler diagnostic is exact), then stack frames innermost first (Python
 * prints innermost last, so its frames are reversed), then the event's position without a column.
 */
export function eventLocations(event: FailureEvent, worktree: string): SourceLocation[] {
  const out: SourceLocation[] = [];
  const own = ownLocation(event, worktree);
  if (own && own.column !== undefined) out.push(own);
  if (event.stack) {
    const frames = parseFrames(event.stack);
    const pythonOrder = frames.some((f) => f.file.endsWith('.py')) || /Traceback \(most recent call last\)/.test(event.stack);
    const ordered = pythonOrder ? [...frames].reverse() : frames;
    for (const f of ordered) {
      if (f.line === undefined || INTERNAL.test(f.file)) continue;
      const abs = mapFrameFile(f.file, worktree);
      if (!abs) continue;
      const rel = toWorktreeRelative(worktree, abs);
      if (VENDOR.test(rel)) continue;
      out.push({ file: rel, abs, line: f.line, column: f.column, from: 'frame' });
    }
  }
  if (own && own.column === undefined) out.push(own);
  return dedupe(out);
}

function ownLocation(event: FailureEvent, worktree: string): SourceLocation | undefined {
  if (!event.file || !event.line) return undefined;
  const abs = resolveInWorktree(worktree, event.file);
  if (!abs) return undefined;
  return { file: toWorktreeRelative(worktree, abs), abs, line: event.line, column: event.column, from: 'event' };
}

/**
 * Stack frames carry paths from wherever the tests ran (the user's checkout, a CI runner). A relative
 * path is taken as repository-relative; an absolute one outside the worktree is mapped by its longest
 * suffix that exists in the worktree (`/ci/build/proj/src/m.py` -> `src/m.py`).
 */
export function mapFrameFile(file: string, worktree: string): string | undefined {
  const direct = resolveInWorktree(worktree, file);
  if (direct && existsSync(direct)) return direct;
  let p = file.replace(/\\/g, '/');
  if (p.startsWith('file://')) {
    try {
      p = decodeURIComponent(new URL(p).pathname);
    } catch {
      return undefined;
    }
  }
  if (!p.startsWith('/') && !/^[A-Za-z]:\//.test(p)) return undefined;
  const parts = p.split('/').filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const candidate = path.join(worktree, ...parts.slice(i));
    if (isInside(worktree, candidate) && existsSync(candidate)) return candidate;
  }
  return undefined;
}

function dedupe(locs: SourceLocation[]): SourceLocation[] {
  const seen = new Set<string>();
  return locs.filter((l) => {
    const k = `${l.file}:${l.line}:${l.column ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
