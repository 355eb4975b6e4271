import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Writes a throwaway repository from a map of path -> content (objects become JSON) for detection tests. */
export function makeRepo(files: Record<string, string | object>): { root: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), 'suture-detect-'));
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
