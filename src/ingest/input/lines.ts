/** Lines longer than this are cut: line-based reports never hold more than one bounded line in memory. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

export interface Line {
  text: string;
  /** 1-based. */
  lineNo: number;
  /** The line was longer than the limit and only its start is in `text`. */
  truncated: boolean;
}

/**
 * Splits a byte stream into lines (\n or \r\n). An over-long line is truncated rather than buffered,
 * so a 200 MB single-line message costs at most `maxBytes` of memory.
 */
export async function* readLines(input: NodeJS.ReadableStream, maxBytes = MAX_LINE_BYTES): AsyncGenerator<Line> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let truncated = false;
  let lineNo = 0;
  const emit = (last: Buffer): Line => {
    lineNo++;
    const room = Math.max(0, maxBytes - pendingBytes);
    if (last.length > room) truncated = true;
    const buf = pending.length ? Buffer.concat([...pending, last.subarray(0, room)]) : last.subarray(0, room);
    let text = buf.toString('utf8');
    if (text.endsWith('\r')) text = text.slice(0, -1);
    const line = { text, lineNo, truncated };
    pending = [];
    pendingBytes = 0;
    truncated = false;
    return line;
  };
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let nl: number;
    while ((nl = buf.indexOf(10)) !== -1) {
      yield emit(buf.subarray(0, nl));
      buf = buf.subarray(nl + 1);
    }
    if (buf.length) {
      const room = maxBytes - pendingBytes;
      if (buf.length > room) truncated = true;
      if (room > 0) {
        const keep = Buffer.from(buf.subarray(0, room));
        pending.push(keep);
        pendingBytes += keep.length;
      }
    }
  }
  if (pendingBytes > 0 || truncated) yield emit(Buffer.alloc(0));
}
