/**
 * Git trailers of a commit message: `Key: value` lines in the last paragraph (what
 * `git interpret-trailers --parse` reads). Pure, so the heal loop can check a message it already has.
 */
export function parseTrailers(message: string): Array<{ key: string; value: string }> {
  const paragraphs = message.replace(/\r\n/g, '\n').trim().split(/\n\s*\n/);
  const last = paragraphs.length > 1 ? paragraphs[paragraphs.length - 1]! : '';
  const out: Array<{ key: string; value: string }> = [];
  for (const line of last.split('\n')) {
    const m = /^([A-Za-z][A-Za-z0-9-]*)\s*:\s*(.*)$/.exec(line);
    if (!m) {
      if (/^\s+\S/.test(line) && out.length > 0) continue; // folded continuation
      return [];
    }
    out.push({ key: m[1]!, value: m[2]!.trim() });
  }
  return out;
}

export function hasTrailer(message: string, key: string): boolean {
  return parseTrailers(message).some((t) => t.key.toLowerCase() === key.toLowerCase());
}
