/**
 * Character and entity references. Only the five predefined entities and numeric references are ever
 * replaced: suture never expands a declared entity (billion laughs) or fetches one (XXE). A reference to
 * an undeclared entity such as `&nbsp;` is left as it is written: reports from broken producers contain
 * HTML entities, and failing the whole report over one would lose every result in it.
 */
/** Replaces references in `text`; a hand-written scan because attribute values are decoded millions of times. */
export function decodeEntities(text: string): string {
  let amp = text.indexOf('&');
  if (amp === -1) return text;
  let out = '';
  let from = 0;
  while (amp !== -1) {
    const semi = text.indexOf(';', amp + 2);
    if (semi === -1) break;
    // A reference is short: an `&` whose `;` is far away is a plain ampersand; later ones may still be references.
    const replacement = semi - amp > 33 ? undefined : reference(text, amp + 1, semi);
    if (replacement !== undefined) {
      out += text.slice(from, amp) + replacement;
      from = semi + 1;
    }
    amp = text.indexOf('&', replacement !== undefined ? semi + 1 : amp + 1);
  }
  return from === 0 ? text : out + text.slice(from);
}

/** The text a reference `&body;` stands for, or undefined to leave it as written. */
function reference(text: string, start: number, end: number): string | undefined {
  if (text.charCodeAt(start) === 35 /* # */) {
    const hex = text.charCodeAt(start + 1) === 120 /* x */;
    const digits = text.slice(start + (hex ? 2 : 1), end);
    if (digits === '' || !(hex ? /^[0-9a-fA-F]{1,6}$/ : /^\d{1,7}$/).test(digits)) return undefined;
    const code = parseInt(digits, hex ? 16 : 10);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
    return String.fromCodePoint(code);
  }
  switch (end - start) {
    case 2:
      if (text.charCodeAt(start + 1) !== 116 /* t */) return undefined;
      return text.charCodeAt(start) === 108 /* l */ ? '<' : text.charCodeAt(start) === 103 /* g */ ? '>' : undefined;
    case 3:
      return text.startsWith('amp', start) ? '&' : undefined;
    case 4:
      return text.startsWith('quot', start) ? '"' : text.startsWith('apos', start) ? "'" : undefined;
    default:
      return undefined;
  }
}

/** XML end-of-line handling: CRLF and lone CR become LF. */
export function normaliseNewlines(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}
