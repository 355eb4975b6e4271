import fs from 'node:fs';
import type { ReportPosition } from '../errors.js';

interface ChunkMark {
  start: number;
  lines: number;
  lastNewline: number;
  chunk: Buffer;
}

/**
 * Turns a byte offset into line and column, for error messages only. Counting newlines in every chunk
 * would cost about a tenth of the parse, so for a file the counting is deferred: on error the file is
 * read again up to the offset. Streams without a path (stdin, transcoded input) are counted as they
 * pass, keeping the last few chunks for the final line. Columns count bytes.
 */
export class Locator {
  private lines = 0;
  private lastNewline = -1;
  private received = 0;
  private recent: ChunkMark[] = [];
  private bomDropped: boolean | undefined;

  constructor(private path: string | undefined) {}

  get counting(): boolean {
    return this.path === undefined;
  }

  /** The input is transcoded: offsets no longer match the file, so count the stream instead. */
  countStream(): void {
    this.path = undefined;
  }

  feed(chunk: Buffer): void {
    if (this.path !== undefined) return;
    this.recent.push({ start: this.received, lines: this.lines, lastNewline: this.lastNewline, chunk });
    if (this.recent.length > 4) this.recent.shift();
    let p = chunk.indexOf(10);
    while (p !== -1) {
      this.lines++;
      this.lastNewline = this.received + p;
      p = chunk.indexOf(10, p + 1);
    }
    this.received += chunk.length;
  }

  async position(offset: number): Promise<ReportPosition & { offset: number }> {
    if (this.path !== undefined) return this.fromFile(this.path, offset);
    const mark = [...this.recent].reverse().find((m) => m.start <= offset);
    if (!mark) return { offset };
    const r = countIn(mark.chunk, offset - mark.start, mark.start, mark.lines, mark.lastNewline);
    return { line: r.line, column: r.column, offset };
  }

  private async fromFile(path: string, offset: number): Promise<ReportPosition & { offset: number }> {
    let lines = 0;
    let lastNewline = -1;
    let start = 0;
    try {
      // The stream may have lost the file's UTF-8 byte-order mark on the way (suture's detection drops it).
      if (this.bomDropped === undefined) this.bomDropped = await startsWithBom(path);
      if (this.bomDropped) offset += 3;
      const stream = fs.createReadStream(path, { start: 0, end: Math.max(0, offset - 1), highWaterMark: 1 << 20 });
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        const r = countIn(chunk, chunk.length, start, lines, lastNewline);
        lines = r.line - 1;
        lastNewline = r.lastNewline;
        start += chunk.length;
      }
    } catch {
      return { offset };
    }
    return { line: lines + 1, column: offset - lastNewline, offset };
  }

  /** The scanner saw the byte-order mark itself: offsets already count it. */
  sawBom(): void {
    this.bomDropped = false;
  }
}

async function startsWithBom(path: string): Promise<boolean> {
  const fh = await fs.promises.open(path, 'r');
  try {
    const b = Buffer.alloc(3);
    await fh.read(b, 0, 3, 0);
    return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  } finally {
    await fh.close();
  }
}

function countIn(chunk: Buffer, upTo: number, start: number, lines: number, lastNewline: number) {
  let p = chunk.indexOf(10);
  while (p !== -1 && p < upTo) {
    lines++;
    lastNewline = start + p;
    p = chunk.indexOf(10, p + 1);
  }
  return { line: lines + 1, column: start + upTo - lastNewline, lastNewline };
}
