import { stripVTControlCharacters } from 'node:util';

/**
 * Normalises captured output before extraction: colours off, CRLF to LF, and the per-line timestamps
 * CI services add ("2024-05-01T10:00:00.1234567Z ") removed, so patterns can anchor at line start.
 */
export function cleanLines(text: string): string[] {
  return stripVTControlCharacters(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z /, ''));
}

/** A compiler's or runtime's own "did you mean": TS "Did you mean 'x'?", CPython "Did you mean: 'x'?". */
export function didYouMean(message: string): string | undefined {
  const m = /Did you mean:? '([^']+)'\?/.exec(message) ?? /Did you mean:? "([^"]+)"\?/.exec(message);
  return m?.[1];
}
