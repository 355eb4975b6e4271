/**
 * Interleaved output from tools that run tasks in parallel prefixes every line with the task's name:
 * turbo ("web:test: "), lerna/nx ("@scope/pkg: "), concurrently ("[0] ", "[api] "), docker compose
 * ("api_1  | "). Detectors need each task's lines in order, so a window whose lines mostly carry such
 * prefixes is split into one stream per prefix (with each line's index in the original window).
 */
export interface Stream {
  lines: string[];
  index: number[];
}

// "pkg:task: " (task starts with a letter, so "file.go:4:9: " is not a prefix), "[name] ", "svc_1  | ".
const PREFIX = /^(?:([@\w][\w@/-]*(?:\.[\w-]+)*:[A-Za-z][\w:-]*): |(\[[\w@./:-]{1,40}\]) |([\w.-]{1,40}(?:[_-]\d+)?\s+\| ))/;
const TURBO = /^[@\w][\w@/.-]*:[A-Za-z][\w-]*$/;
const LOG_LEVEL = /^\[(?:warn|warning|error|err|info|information|debug|notice|fatal|trace|success|ok|fail|failed|pass|passed|skip|skipped|note|hint|verbose|log|\d{1,2}:\d\d(?::\d\d)?)\]$/i;
const FILE_LIKE = /\.(?:[cm]?[jt]sx?|py|go|rs|java|kt|c|h|cc|cpp|rb|php|cs|swift|json|ya?ml|toml|md|rst|txt|sh)(?::|$)/;

function prefixOf(line: string): { key: string; length: number } | undefined {
  const m = PREFIX.exec(line);
  if (!m) return undefined;
  const key = (m[1] ?? m[2] ?? m[3]!).trim();
  if (m[1] !== undefined && FILE_LIKE.test(m[1])) return undefined;
  // Log levels in brackets are not task names.
  if (m[2] !== undefined && LOG_LEVEL.test(m[2])) return undefined;
  return { key, length: m[0].length };
}

export function demultiplex(lines: string[]): Stream[] {
  const sample = Math.min(lines.length, 2000);
  const counts = new Map<string, number>();
  for (let i = 0; i < sample; i++) {
    const p = prefixOf(lines[i]!);
    if (p) counts.set(p.key, (counts.get(p.key) ?? 0) + 1);
  }
  // A real task prefix repeats; a one-off "word: " at a line start is just text.
  let prefixed = 0;
  // "task:script: " is distinctive on its own; the looser shapes need three lines.
  for (const [k, n] of counts) if (n >= 3 || TURBO.test(k)) prefixed += n;
  else counts.delete(k);
  const turbo = [...counts.keys()].some((k) => TURBO.test(k));
  if (sample === 0 || counts.size === 0 || (prefixed / sample < 0.3 && !turbo)) return [{ lines, index: lines.map((_, i) => i) }];
  const streams = new Map<string, Stream>();
  const rest: Stream = { lines: [], index: [] };
  for (let i = 0; i < lines.length; i++) {
    const p = prefixOf(lines[i]!);
    if (!p || !counts.has(p.key)) {
      rest.lines.push(lines[i]!);
      rest.index.push(i);
      continue;
    }
    let s = streams.get(p.key);
    if (!s) streams.set(p.key, (s = { lines: [], index: [] }));
    s.lines.push(lines[i]!.slice(p.length));
    s.index.push(i);
  }
  return [...streams.values(), rest].filter((s) => s.lines.length > 0);
}
