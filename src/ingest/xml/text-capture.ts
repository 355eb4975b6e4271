import { MESSAGE_MAX_CHARS } from '../../events/failure-event.js';
import { utf8Boundary, utf8Text } from './decode.js';
import { decodeEntities, normaliseNewlines } from './entities.js';

/** Bytes kept of one element's text: four bytes per character covers the message cap in any script. */
export const TEXT_KEEP_BYTES = MESSAGE_MAX_CHARS * 4;

/**
 * Collects an element's character data while it streams past: plain text and CDATA pieces, possibly
 * split across chunks (a multi-byte character or an entity may straddle the cut, so pieces are joined as
 * bytes and decoded once at the end). Stops keeping bytes at its cap but keeps counting, so a 200 MB
 * message costs 64 KB.
 */
export class TextCapture {
  private pieces: Buffer[] = [];
  private cdata: boolean[] = [];
  private kept = 0;
  /** True when bytes were dropped at the cap. */
  truncated = false;

  constructor(private readonly capBytes: number = TEXT_KEEP_BYTES) {}

  get empty(): boolean {
    return this.pieces.length === 0;
  }

  reset(): void {
    if (this.pieces.length !== 0) {
      this.pieces = [];
      this.cdata = [];
    }
    this.kept = 0;
    this.truncated = false;
  }

  add(buf: Buffer, start: number, end: number, isCdata: boolean): void {
    if (end <= start) return;
    const room = this.capBytes - this.kept;
    if (room <= 0) {
      this.truncated = true;
      return;
    }
    let stop = end;
    if (end - start > room) {
      stop = utf8Boundary(buf, start, start + room);
      this.truncated = true;
    }
    // A view, not a copy: the chunk stays alive only until the element closes and `text()` runs.
    this.pieces.push(buf.subarray(start, stop));
    this.cdata.push(isCdata);
    this.kept += stop - start;
  }

  /** The decoded text, entities replaced outside CDATA, newlines normalised; '' when nothing came. */
  text(): string {
    const n = this.pieces.length;
    if (n === 0) return '';
    if (n === 1) return finish(this.pieces[0]!, this.cdata[0]!);
    let out = '';
    let i = 0;
    while (i < n) {
      const kind = this.cdata[i]!;
      let j = i + 1;
      while (j < n && this.cdata[j] === kind) j++;
      const bytes = j - i === 1 ? this.pieces[i]! : Buffer.concat(this.pieces.slice(i, j));
      out += finish(bytes, kind);
      i = j;
    }
    return out;
  }
}

function finish(bytes: Buffer, isCdata: boolean): string {
  let s = utf8Text(bytes, 0, bytes.length);
  if (!isCdata && s.indexOf('&') !== -1) s = decodeEntities(s);
  return normaliseNewlines(s);
}
