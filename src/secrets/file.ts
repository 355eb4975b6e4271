import { createReadStream, createWriteStream } from 'node:fs';
import { open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { redact } from './registry.js';

/** Files that look binary (a NUL in the first 8 KiB) are left alone: redaction works on text. */
async function looksBinary(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(8192);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).includes(0);
  } finally {
    await fh.close();
  }
}

/** Redacts line by line, so a log of any size streams through in bounded memory. */
function redactLines(): Transform {
  let rest = '';
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      const text = rest + chunk.toString('utf8');
      const cut = text.lastIndexOf('\n') + 1;
      rest = text.slice(cut);
      // A pathological line without newlines is flushed in pieces rather than buffered whole.
      if (rest.length > 1 << 20) {
        const piece = rest;
        rest = '';
        done(null, redact(text.slice(0, cut)) + redact(piece));
        return;
      }
      done(null, cut ? redact(text.slice(0, cut)) : '');
    },
    flush(done) {
      done(null, rest ? redact(rest) : '');
    },
  });
}

/**
 * Rewrites a text file with secrets redacted: a temporary sibling, then rename, so a reader never sees
 * half a file. Returns false for binary files (left unchanged).
 */
export async function redactFile(file: string): Promise<boolean> {
  if (await looksBinary(file)) return false;
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.redacting`);
  try {
    await pipeline(createReadStream(file), redactLines(), createWriteStream(tmp));
    await rename(tmp, file);
    return true;
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Redacts every text file under `dir` (logs and raw reports a run wrote). */
export async function redactTree(dir: string): Promise<number> {
  let n = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const parent = (entry as { parentPath?: string; path?: string }).parentPath ?? (entry as { path?: string }).path ?? dir;
    if (await redactFile(path.join(parent, entry.name))) n++;
  }
  return n;
}
