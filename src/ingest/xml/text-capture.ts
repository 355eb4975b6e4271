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
  // Pieces as (buffer, start, end) rather than subarray views: most captures are one piece, and a view
  // object per failure body is garbage the decoder does not need.
  private bufs: Buffer[] = [];
  private starts: number[] = [];
  private ends: number[] = [];
  private cdata: boolean[] = [];
  private kept = 0;
  /** True when bytes were dropped at the cap. */
  truncated = false;

  constructor(private readonly capBytes: number = TEXT_KEEP_BYTES) {}

  get empty(): boolean {
    return this.bufs.length === 0;
  }

  reset(): void {
    if (this.bufs.length !== 0) {
      this.bufs = [];
      this.starts = [];
      this.ends = [];
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
    // The chunk stays alive only until the element closes and `text()` runs.
    this.bufs.push(buf);
    this.starts.push(start);
    this.ends.push(stop);
    this.cdata.push(isCdata);
    this.kept += stop - start;
  }

  /** The decoded text, entities replaced outside CDATA, newlines normalised; '' when nothing came. */
  text(): string {
    const n = this.bufs.length;
    if (n === 0) return '';
    if (n === 1) return finish(this.bufs[0]!, this.starts[0]!, this.ends[0]!, this.cdata[0]!);
    let out = '';
    let i = 0;
    while (i < n) {
      const kind = this.cdata[i]!;
      let j = i + 1;
      while (j < n && this.cdata[j] === kind) j++;
      if (j - i === 1) out += finish(this.bufs[i]!, this.starts[i]!, this.ends[i]!, kind);
      else {
        // A multi-byte character or an entity may straddle the pieces: joined as bytes first.
        const parts: Buffer[] = [];
        for (let k = i; k < j; k++) parts.push(this.bufs[k]!.subarray(this.starts[k]!, this.ends[k]!));
        const joined = Buffer.concat(parts);
        out += finish(joined, 0, joined.length, kind);
      }
      i = j;
    }
    return out;
  }
}

function finish(bytes: Buffer, start: number, end: number, isCdata: boolean): string {
  let s = utf8Text(bytes, start, end);
  if (!isCdata && s.indexOf('&') !== -1) s = decodeEntities(s);
  return normaliseNewlines(s);
}
