import { statSync } from 'node:fs';
import path from 'node:path';

/**
 * Reports made on another machine carry that machine's absolute paths (a CI runner's
 * /home/runner/work/app/app/src/a.ts, a container's /build/src/a.ts). Such a path is mapped into this
 * checkout the way coverage services fix paths: the longest tail of it (two segments or more, so a bare
 * `index.js` never matches by chance) that names a file here. The foreign prefix that worked is then
 * remembered per root, so later paths under it that name a file here (one at the top of the
 * repository included) map too.
 */
const learned = new Map<string, string[]>();
const MAX_LEARNED = 16;
// Stack frames repeat the same outside paths (the runtime's, a tool cache's) thousands of times: each is
// looked up on disk once.
const answers = new Map<string, string | undefined>();
const MAX_ANSWERS = 50_000;

export function rerootForeign(absPath: string, root: string): string | undefined {
  const key = `${root}\0${absPath}`;
  if (answers.has(key)) return answers.get(key);
  const rel = lookup(absPath, root);
  if (answers.size >= MAX_ANSWERS) answers.clear();
  answers.set(key, rel);
  return rel;
}

function lookup(absPath: string, root: string): string | undefined {
  const prefixes = learned.get(root) ?? [];
  for (const prefix of prefixes) {
    if (absPath.startsWith(prefix)) {
      const rel = absPath.slice(prefix.length);
      if (rel !== '' && !rel.split('/').includes('..') && isFile(path.posix.join(root, rel))) return rel;
    }
  }
  const segments = absPath.split('/').filter((s) => s !== '');
  if (segments.includes('..')) return undefined;
  for (let start = 1; start <= segments.length - 2; start++) {
    const rel = segments.slice(start).join('/');
    if (!isFile(path.posix.join(root, rel))) continue;
    const prefix = absPath.slice(0, absPath.length - rel.length);
    if (prefixes.length < MAX_LEARNED) {
      learned.set(root, [...prefixes, prefix]);
      answers.clear(); // a path that mapped to nothing may map under the new prefix
    }
    return rel;
  }
  return undefined;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
