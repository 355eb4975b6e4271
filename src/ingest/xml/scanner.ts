import { utf8 } from './decode.js';
import { XmlFault } from './fault.js';
import { HugeTag } from './huge-tag.js';
import type { NameTable } from './names.js';
import { scanDoctype } from './doctype.js';
import { Tag } from './tag.js';
import { BANG, GT, LT, QMARK, SLASH, findByte, isNameStart, notXmlReason } from './bytes.js';
import { MORE, readStartTag } from './start-tag.js';

/** What a report handler receives. Calls are synchronous, in document order. */
export interface ScanHandler {
  onOpen(tag: Tag): void;
  onClose(nameId: number): void;
  /** Character data of the current element; delivered only while the scanner's `wantText` is true. */
  onText(buf: Buffer, start: number, end: number, cdata: boolean): void;
  /** A comment's text; delivered only while `wantComments` is true (node:test writes totals there). */
  onComment?(text: string): void;
}


const TEXT = 0;
const CDATA = 1;
const COMMENT = 2;
const HUGE = 3;

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const CDATA_OPEN = Buffer.from('<![CDATA[');
const CDATA_END = Buffer.from(']]>');
const COMMENT_END = Buffer.from('-->');
const PI_END = Buffer.from('?>');

/** `<![CDATA[` at `lt`, compared in JS: a native compare per failure body costs more than nine bytes. */
function isCdataOpen(buf: Buffer, lt: number): boolean {
  for (let k = 2; k < 9; k++) if (buf[lt + k] !== CDATA_OPEN[k]) return false;
  return true;
}

/** An unfinished start tag longer than this is compacted instead of carried whole into the next chunk. */
const HUGE_TAG_THRESHOLD = 1024 * 1024;

/** Comments longer than this are skipped even when the handler wants comments. */
const WANTED_COMMENT_MAX = 64 * 1024;



/**
 * A streaming, byte-level XML scanner: feed it Buffer chunks, it calls the handler. It never holds the
 * document: only an unfinished piece of markup is carried to the next chunk. Text is skipped with
 * `indexOf('<')` unless the handler asks for it, so gigabytes of `system-out` cost a memchr. Entities
 * are never expanded (see entities.ts); a DOCTYPE that declares any is refused (see doctype.ts).
 *
 * Lenient where real reports need it and safety allows: a `<` that cannot start markup is text, values
 * may contain `<`, several root elements may follow each other (concatenated reports).
 */
export class XmlScanner {
  handler: ScanHandler;
  names: NameTable;
  wantText = false;
  wantComments = false;
  readonly tag = new Tag();

  /** Markup cut by the end of the previous chunk, from its `<`. */
  private tail: Buffer | undefined;
  /** Terminator bytes held back at the end of a chunk inside CDATA or a comment. */
  private held = 0;
  /** Absolute offset of the next byte `write` will receive. */
  private received = 0;
  /** Absolute offset of the current buffer's first byte. */
  private base = 0;
  private mode = TEXT;
  private huge: HugeTag | undefined;
  private depth = 0;
  private stackHash: Int32Array = new Int32Array(64);
  private stackLen: Int32Array = new Int32Array(64);
  private stackId: Int32Array = new Int32Array(64);
  private stackName: (string | undefined)[] = [];
  private rootSeen = false;
  private sawContent = false;

  constructor(handler: ScanHandler, names: NameTable) {
    this.handler = handler;
    this.names = names;
  }

  /** Depth of open elements (0 outside the root). */
  get openElements(): number {
    return this.depth;
  }

  /** Absolute number of bytes received so far. */
  get bytesReceived(): number {
    return this.received;
  }

  /**
   * Scans one chunk. Chunks are never concatenated: a tag cut by the chunk boundary is completed by
   * joining its start with a small window of the next chunk, and a CDATA section or comment that runs on
   * only holds back the (at most two) bytes that could begin its terminator. The first chunk must hold a
   * UTF-8 byte-order mark whole (the prolog reader guarantees it).
   */
  write(chunk: Buffer): void {
    const chunkStart = this.received;
    this.received += chunk.length;
    let pos = 0;
    if (this.tail !== undefined) {
      pos = this.finishTail(chunk, chunkStart);
      if (pos === MORE) return;
    } else if (chunkStart === 0 && chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      pos = 3;
    }
    this.base = chunkStart;
    this.scan(chunk, pos);
  }

  private scan(buf: Buffer, from: number): void {
    const len = buf.length;
    let pos = from;
    while (pos < len) {
      if (this.mode !== TEXT) {
        pos = this.mode === HUGE ? this.feedHuge(buf, pos) : this.resumeDelimited(buf, pos);
        if (pos === MORE) return;
        continue;
      }
      const lt = findByte(buf, LT, pos);
      if (lt === -1) {
        this.text(buf, pos, len);
        return;
      }
      if (lt > pos) this.text(buf, pos, lt);
      const next = this.markup(buf, lt);
      if (next === MORE) return this.keep(buf, lt);
      pos = next;
    }
  }

  /** Reads the markup starting at `buf[lt] === '<'`; returns the index after it, or MORE. */
  private markup(buf: Buffer, lt: number): number {
    if (lt + 1 >= buf.length) return MORE;
    const c = buf[lt + 1]!;
    if (c === SLASH) return this.closeTag(buf, lt);
    if (c === BANG) return this.bang(buf, lt);
    if (c === QMARK) return this.instruction(buf, lt);
    if (isNameStart(c)) return this.openTag(buf, lt);
    // `a < b` in a broken producer's text: keep the `<` as text instead of rejecting the report.
    this.text(buf, lt, lt + 1);
    return lt + 1;
  }

  /**
   * Completes the markup left unfinished at the end of the previous chunk by joining it with the start
   * of this one (a window that grows only if the markup is long). Returns where to go on in `chunk`.
   */
  private finishTail(chunk: Buffer, chunkStart: number): number {
    const tail = this.tail!;
    this.tail = undefined;
    let window = Math.min(chunk.length, Math.max(4096, tail.length));
    for (;;) {
      const joined = Buffer.concat([tail, chunk.subarray(0, window)]);
      this.base = chunkStart - tail.length;
      const end = this.markup(joined, 0);
      if (end !== MORE) return end - tail.length;
      if (window >= chunk.length) {
        this.keep(joined, 0);
        return MORE;
      }
      window = Math.min(chunk.length, window * 8);
    }
  }

  /** Call at end of input: throws if the document is incomplete or was never there. */
  end(): void {
    if (this.mode === CDATA) throw this.truncated('inside a CDATA section');
    if (this.mode === COMMENT) throw this.truncated('inside a comment');
    if (this.mode === HUGE) throw this.truncated('inside a start tag');
    if (this.tail !== undefined) throw this.truncated('inside a tag');
    if (this.depth > 0) throw this.truncated(`inside <${this.openName(this.depth - 1)}>`);
    if (!this.rootSeen) {
      if (!this.sawContent) throw new XmlFault('E_REPORT_EMPTY', this.received, 'the report is empty (no XML element)');
      throw new XmlFault('E_XML_NOT_XML', 0, 'no XML element found');
    }
  }

  private truncated(where: string): XmlFault {
    return new XmlFault('E_XML_TRUNCATED', this.received, `the document ends ${where}: the report is truncated`);
  }

  /** Holds unfinished markup for the next chunk; a start tag over 1 MiB is compacted instead. */
  private keep(buf: Buffer, from: number): void {
    if (buf.length - from > HUGE_TAG_THRESHOLD) {
      const c = buf[from + 1];
      if (c === SLASH || c === BANG || c === QMARK) throw this.fault(buf, from, 'markup longer than 1 MiB without an end');
      this.huge = new HugeTag(this.base + from);
      this.mode = HUGE;
      this.feedHuge(buf, from);
      return;
    }
    this.tail = Buffer.from(buf.subarray(from));
  }

  /**
   * Goes on with a CDATA section or comment begun in an earlier chunk. `held` terminator bytes (`]` or
   * `-`) were kept back at the end of that chunk; they either complete the terminator with this chunk's
   * first bytes or turn out to be content.
   */
  private resumeDelimited(buf: Buffer, pos: number): number {
    const cdata = this.mode === CDATA;
    const term = cdata ? CDATA_END : COMMENT_END;
    const held = this.held;
    if (held > 0) {
      this.held = 0;
      const probe = Buffer.concat([term.subarray(0, held), buf.subarray(pos, pos + 2)]);
      const at = probe.indexOf(term);
      if (at !== -1 && at < held) {
        if (cdata && at > 0 && this.wantText) this.handler.onText(term, 0, at, true);
        this.mode = TEXT;
        return pos + at + 3 - held;
      }
      if (buf.length - pos < 2) {
        // Too few bytes to decide: whatever may still start the terminator is held again.
        const t = term[0]!;
        let k = 0;
        while (k < 2 && probe.length - 1 - k >= 0 && probe[probe.length - 1 - k] === t) k++;
        if (cdata && this.wantText && probe.length - k > 0) this.handler.onText(probe, 0, probe.length - k, true);
        this.held = k;
        return MORE;
      }
      if (cdata && this.wantText) this.handler.onText(term, 0, held, true);
    }
    const end = buf.indexOf(term, pos);
    if (end !== -1) {
      if (cdata && this.wantText && end > pos) this.handler.onText(buf, pos, end, true);
      this.mode = TEXT;
      return end + 3;
    }
    return this.runsOn(buf, pos, cdata);
  }

  /** The CDATA section or comment goes past this chunk: deliver it but for a possible terminator start. */
  private runsOn(buf: Buffer, start: number, cdata: boolean): number {
    const len = buf.length;
    const t = cdata ? 93 : 45; // ']' or '-'
    let held = 0;
    while (held < 2 && len - 1 - held >= start && buf[len - 1 - held] === t) held++;
    if (cdata && this.wantText && len - held > start) this.handler.onText(buf, start, len - held, true);
    this.held = held;
    this.mode = cdata ? CDATA : COMMENT;
    return MORE;
  }

  private feedHuge(buf: Buffer, from: number): number {
    const huge = this.huge!;
    let end: number;
    try {
      end = huge.feed(buf, from);
    } catch {
      throw new XmlFault('E_XML_MALFORMED', huge.offset, 'a start tag larger than 4 MiB outside its attribute values');
    }
    if (end === -1) return MORE;
    this.mode = TEXT;
    this.huge = undefined;
    const compact = huge.bytes();
    const savedBase = this.base;
    this.base = huge.offset;
    try {
      if (this.openTag(compact, 0) !== compact.length) throw new XmlFault('E_XML_MALFORMED', huge.offset, 'malformed start tag');
    } finally {
      this.base = savedBase;
    }
    return end;
  }

  private text(buf: Buffer, start: number, end: number): void {
    if (this.depth > 0) {
      if (this.wantText) this.handler.onText(buf, start, end, false);
      return;
    }
    // Outside the root only whitespace may appear; anything else means this is not XML.
    for (let i = start; i < end; i++) {
      const c = buf[i]!;
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
      if (this.base + i < 3 && c === UTF8_BOM[this.base + i]) continue; // a byte-order mark cut by the chunking
      if (this.rootSeen) return; // trailing junk after a complete report: ignored
      throw new XmlFault('E_XML_NOT_XML', this.base + i, notXmlReason(buf, i));
    }
  }

  private openTag(buf: Buffer, lt: number): number {
    const tag = this.tag;
    const i = readStartTag(buf, lt, tag, this.base);
    if (i === MORE) return MORE;
    const nameEnd = tag.nameEnd;
    const h = tag.nameHash;
    const colon = tag.colon;
    const selfClosing = tag.selfClosing;
    let id = this.names.lookup(buf, lt + 1, nameEnd, h);
    if (id === -1 && colon !== -1) {
      // A namespace prefix (`<ns:testcase>`): match on the local name.
      let lh = 0;
      for (let k = colon + 1; k < nameEnd; k++) lh = (Math.imul(lh, 31) + buf[k]!) | 0;
      id = this.names.lookup(buf, colon + 1, nameEnd, lh);
    }
    tag.nameId = id;
    if (!this.rootSeen) this.rootSeen = true;
    this.sawContent = true;
    if (!selfClosing) this.push(h, nameEnd - lt - 1, id, id === -1 ? utf8(buf, lt + 1, nameEnd) : undefined);
    this.handler.onOpen(tag);
    // The handler may have re-identified the element (the root picks the format's name table).
    if (tag.nameId !== id) {
      if (selfClosing) return this.handler.onClose(tag.nameId), i;
      this.stackId[this.depth - 1] = tag.nameId;
    }
    if (selfClosing) this.handler.onClose(id);
    return i;
  }

  private push(hash: number, length: number, id: number, name: string | undefined): void {
    const d = this.depth;
    if (d === this.stackHash.length) {
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.stackHash = grow(this.stackHash);
      this.stackLen = grow(this.stackLen);
      this.stackId = grow(this.stackId);
    }
    this.stackHash[d] = hash;
    this.stackLen[d] = length;
    this.stackId[d] = id;
    this.stackName[d] = name;
    this.depth = d + 1;
  }

  private openName(d: number): string {
    const id = this.stackId[d]!;
    return id === -1 ? (this.stackName[d] ?? '?') : this.names.name(id);
  }

  private closeTag(buf: Buffer, lt: number): number {
    const len = buf.length;
    let i = lt + 2;
    let h = 0;
    let c = 0;
    for (; i < len; i++) {
      c = buf[i]!;
      if (c <= 32 || c === GT) break;
      h = (Math.imul(h, 31) + c) | 0;
    }
    if (i >= len) return MORE;
    const nameEnd = i;
    while (c <= 32) {
      if (++i >= len) return MORE;
      c = buf[i]!;
    }
    if (c !== GT) throw this.fault(buf, i, `malformed closing tag </${utf8(buf, lt + 2, nameEnd)}`);
    const d = this.depth - 1;
    if (d < 0) throw this.fault(buf, lt, `closing tag </${utf8(buf, lt + 2, nameEnd)}> without a matching start tag`);
    if (this.stackHash[d] !== h || this.stackLen[d] !== nameEnd - lt - 2) {
      throw this.fault(buf, lt, `closing tag </${utf8(buf, lt + 2, nameEnd)}> does not match <${this.openName(d)}>`);
    }
    this.depth = d;
    this.stackName[d] = undefined;
    this.handler.onClose(this.stackId[d]!);
    return i + 1;
  }

  /** `<!--`, `<![CDATA[` or `<!DOCTYPE`. */
  private bang(buf: Buffer, lt: number): number {
    const len = buf.length;
    if (lt + 4 > len) return MORE;
    if (buf[lt + 2] === 45 && buf[lt + 3] === 45) {
      const end = buf.indexOf(COMMENT_END, lt + 4);
      if (end === -1) {
        // A comment the handler wants (node:test's totals) is completed across the chunks; others are skipped.
        if (this.wantComments && len - lt < WANTED_COMMENT_MAX) return MORE;
        this.runsOn(buf, lt + 4, false);
        return len; // the comment goes on in the next chunk: this one is consumed
      }
      if (this.wantComments && this.handler.onComment) this.handler.onComment(utf8(buf, lt + 4, end));
      return end + 3;
    }
    if (lt + 9 > len) return MORE;
    if (isCdataOpen(buf, lt)) {
      if (this.depth === 0) throw this.fault(buf, lt, 'CDATA section outside the root element');
      const start = lt + 9;
      const end = buf.indexOf(CDATA_END, start);
      if (end === -1) {
        this.runsOn(buf, start, true);
        return len; // the section goes on in the next chunk: this one is consumed
      }
      if (this.wantText && end > start) this.handler.onText(buf, start, end, true);
      return end + 3;
    }
    if (buf.toString('latin1', lt + 2, lt + 9).toUpperCase() === 'DOCTYPE') {
      if (this.rootSeen) throw this.fault(buf, lt, 'DOCTYPE after the root element');
      const r = scanDoctype(buf, lt);
      if (r.end === MORE) return MORE;
      if (r.unsafe !== undefined) throw new XmlFault('E_XML_UNSAFE_DTD', this.base + lt, r.unsafe);
      this.sawContent = true;
      return r.end;
    }
    throw this.fault(buf, lt, `unexpected markup ${JSON.stringify(buf.toString('latin1', lt, Math.min(len, lt + 12)))}`);
  }

  /** `<?xml ...?>` and other processing instructions: skipped (the prolog reader handled encodings). */
  private instruction(buf: Buffer, lt: number): number {
    const end = buf.indexOf(PI_END, lt + 2);
    if (end === -1) return MORE;
    this.sawContent = true;
    return end + 2;
  }

  private fault(buf: Buffer, at: number, what: string): XmlFault {
    void buf;
    return new XmlFault('E_XML_MALFORMED', this.base + at, what);
  }
}

