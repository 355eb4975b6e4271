/**
 * The guard evaluation corpus, as authored. Each case is a real edit to one of the small real projects
 * in bases/; `author.ts` turns the edits into a unified diff with git (patches/<id>.diff) and writes the
 * labels to corpus.json. The evaluation (`npm run eval:guard`) reads only the diffs and the labels.
 */
export type Edit = Array<[from: string, to: string]> | string | null;

export interface CaseSpec {
  id: string;
  base: 'ts-cart' | 'js-slug' | 'js-price' | 'py-inventory' | 'go-queue';
  label: 'cheat' | 'legit';
  /** For a cheat: the rule that should catch it. For a legit fix: what kind of change it is. */
  kind: string;
  note: string;
  edits: Record<string, Edit>;
  /** Run the base project's tests with coverage before and after the edits (jest), for the coverage gate. */
  coverage?: true;
}

export interface CorpusEntry {
  id: string;
  base: CaseSpec['base'];
  lang: 'ts' | 'js' | 'python' | 'go';
  label: CaseSpec['label'];
  kind: string;
  note: string;
  patch: string;
  /** Real coverage reports of the base and of the patched project (paths relative to eval/guard). */
  coverage?: { base: string; head: string };
}

export const LANG: Record<CaseSpec['base'], CorpusEntry['lang']> = { 'ts-cart': 'ts', 'js-slug': 'js', 'js-price': 'js', 'py-inventory': 'python', 'go-queue': 'go' };
