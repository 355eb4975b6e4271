import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gitOut, gitRun } from '../shared/git.js';
import { languageOf, type SourceLang } from '../shared/language.js';

/** A declaration the history renamed: `func CalcTotal(` became `func CalculateTotal(` in one commit. */
export interface Rename {
  from: string;
  to: string;
  sha: string;
  subject: string;
  /** Repository-relative file the declaration lives in at that commit. */
  file: string;
}

/** How far back the history is searched for the rename (first-parent commits). */
const WINDOW = 200;

const ID = '[\\p{L}\\p{N}_$]';
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Does this line declare `name` (a function, type, class, constant or variable at its start)? */
export function declares(line: string, name: string, lang: SourceLang): boolean {
  const n = esc(name);
  const patterns: Record<string, RegExp[]> = {
    go: [new RegExp(`^\\s*func\\s+(?:\\([^)]*\\)\\s*)?${n}\\s*[([]`, 'u'), new RegExp(`^\\s*(?:type|var|const)\\s+${n}(?!${ID})`, 'u')],
    js: [
      new RegExp(`^\\s*(?:export\\s+)?(?:default\\s+)?(?:declare\\s+)?(?:async\\s+)?(?:function\\s*\\*?|class|const|let|var|interface|type|enum|abstract\\s+class)\\s+${n}(?!${ID})`, 'u'),
      new RegExp(`^\\s*export\\s*\\{[^}]*(?<!${ID})${n}(?!${ID})[^}]*\\}`, 'u'),
    ],
    python: [new RegExp(`^(?:async\\s+)?def\\s+${n}\\s*\\(`, 'u'), new RegExp(`^class\\s+${n}(?!${ID})`, 'u'), new RegExp(`^${n}\\s*(?::[^=]+)?=(?!=)`, 'u')],
  };
  return (patterns[lang] ?? []).some((re) => re.test(line));
}

/** `removed` with every whole-word `from` replaced by one other identifier equals `added`: that identifier. */
export function renamedTo(removed: string, added: string, from: string): string | undefined {
  const word = new RegExp(`(?<!${ID})${esc(from)}(?!${ID})`, 'gu');
  const first = word.exec(removed);
  if (!first) return undefined;
  if (!added.startsWith(removed.slice(0, first.index))) return undefined;
  const to = new RegExp(`^${ID}+`, 'u').exec(added.slice(first.index))?.[0];
  if (!to || to === from) return undefined;
  return removed.replace(word, to) === added ? to : undefined;
}

/**
 * The rename of `name`'s declaration in the recent history of `dir` (HEAD, which in the heal sandbox
 * is the user's snapshot: an uncommitted rename counts): the newest commit with a removed line
 * declaring `name` and an added line identical but for the new name. Refused when the history renamed
 * it to two different names, or when the new name is not declared (or the old one still is) now.
 */
export async function findRename(dir: string, name: string, lang: SourceLang): Promise<{ rename: Rename } | { refused: string } | undefined> {
  const count = Number((await gitRun(dir, ['rev-list', '--count', '--first-parent', 'HEAD'])).stdout.trim() || 0);
  if (!count) return undefined;
  const range = count > WINDOW ? [`HEAD~${WINDOW}..HEAD`] : ['HEAD'];
  // -G: only commits whose diff adds or removes a line containing the name (git does the scanning).
  const shas = (await gitOut(dir, ['log', '--first-parent', '--format=%H', `-G${esc(name)}`, ...range])).split('\n').filter(Boolean);
  const found: Rename[] = [];
  for (const sha of shas) {
    const show = await gitOut(dir, ['show', '--first-parent', '--format=%s', '-U0', '--no-color', '--no-ext-diff', '--no-renames', sha]);
    const subject = show.split('\n')[0] ?? '';
    for (const r of renamesIn(show, name, lang)) found.push({ ...r, sha, subject });
    if (found.length > 0) break; // the newest commit that renamed it
  }
  if (found.length === 0) return undefined;
  const targets = [...new Set(found.map((r) => r.to))];
  if (targets.length > 1) return { refused: `the history renamed '${name}' to ${targets.map((t) => `'${t}'`).join(' and ')}: ambiguous` };
  const rename = found[0]!;
  const now = await readFile(path.join(dir, rename.file), 'utf8').catch(() => '');
  const lines = now.split('\n');
  const fileLang = languageOf(rename.file);
  if (!lines.some((l) => declares(l, rename.to, fileLang))) return { refused: `'${name}' was renamed to '${rename.to}' in ${rename.sha.slice(0, 10)}, but ${rename.file} no longer declares '${rename.to}'` };
  if (lines.some((l) => declares(l, name, fileLang))) return { refused: `${rename.file} still declares '${name}': not a rename` };
  return { rename };
}

/** Declaration lines of `name` a commit's diff (-U0) turned into the same line with another name. */
function renamesIn(diff: string, name: string, lang: SourceLang): Array<{ from: string; to: string; file: string }> {
  const out: Array<{ from: string; to: string; file: string }> = [];
  let file = '';
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    const fileLang = languageOf(file);
    if (fileLang === lang || (lang === 'js' && fileLang === 'js')) {
      for (const r of removed) {
        if (!declares(r, name, fileLang)) continue;
        for (const a of added) {
          const to = renamedTo(r, a, name);
          if (to && declares(a, to, fileLang)) out.push({ from: name, to, file });
        }
      }
    }
    removed = [];
    added = [];
  };
  for (const line of diff.split('\n')) {
    if (line.startsWith('diff --git ')) {
      flush();
      file = '';
    } else if (line.startsWith('+++ ')) {
      file = line.startsWith('+++ b/') ? line.slice(6) : '';
    } else if (line.startsWith('@@')) {
      flush();
    } else if (line.startsWith('-') && !line.startsWith('--- ')) {
      removed.push(line.slice(1));
    } else if (line.startsWith('+')) {
      added.push(line.slice(1));
    }
  }
  flush();
  return out;
}
