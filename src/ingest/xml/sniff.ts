/**
 * The name of the first element in the first bytes of a file, for format detection: skips a BOM,
 * the XML declaration, comments, processing instructions and a DOCTYPE. UTF-16 text read as UTF-8
 * has a NUL between ASCII characters; those are dropped first. Returns the local name (no prefix).
 */
export function rootElementOf(head: string): string | undefined {
  let s = head.indexOf('\u0000') === -1 ? head : head.replace(/\u0000/g, '');
  s = s.replace(/^(\uFEFF|\uFFFD\uFFFD|ÿþ|þÿ)/, '');
  let i = 0;
  for (let guard = 0; guard < 1000; guard++) {
    while (i < s.length && /\s/.test(s[i]!)) i++;
    if (s[i] !== '<') return undefined;
    if (s.startsWith('<?', i)) {
      const end = s.indexOf('?>', i);
      if (end === -1) return undefined;
      i = end + 2;
    } else if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i);
      if (end === -1) return undefined;
      i = end + 3;
    } else if (/^<!DOCTYPE/i.test(s.slice(i, i + 9))) {
      const subset = s.indexOf('[', i);
      const close = s.indexOf('>', i);
      const end = subset !== -1 && subset < close ? s.indexOf(']', subset) : i;
      const gt = s.indexOf('>', end);
      if (gt === -1) return undefined;
      i = gt + 1;
    } else {
      const m = /^<([A-Za-z_][\w.:-]*)/.exec(s.slice(i, i + 200));
      if (!m) return undefined;
      const name = m[1]!;
      return name.slice(name.indexOf(':') + 1);
    }
  }
  return undefined;
}
