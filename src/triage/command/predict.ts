import type { Writable } from 'node:stream';
import type { SutureConfig } from '../../config/schema.js';
import { UsageError } from '../../errors.js';
import { EVENT_SCHEMA_VERSION, eventKinds, type EventKind, type FailureEvent } from '../../events/index.js';
import { classifierFor } from '../index.js';
import { renderPrediction } from '../render.js';

export interface PredictOptions {
  message: string;
  framework?: string;
  kind?: string;
  errorClass?: string;
  errorCode?: string;
  step?: string;
  json?: boolean;
  config: SutureConfig;
  root: string;
  stdin: NodeJS.ReadableStream;
  stdout: Writable;
}

async function readAll(stream: NodeJS.ReadableStream, max = 16 * 1024 * 1024): Promise<string> {
  const parts: Buffer[] = [];
  let n = 0;
  for await (const c of stream) {
    const b = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
    n += b.length;
    if (n > max) throw new UsageError(`the message on stdin is longer than ${max} bytes`, { code: 'E_MESSAGE_TOO_LONG', hint: 'Pass the failure\'s message and stack, not a whole log (use `suture triage --log` for logs).' });
    parts.push(b);
  }
  return Buffer.concat(parts).toString('utf8');
}

/** `suture triage predict "<message>"|-`: classifies one failure message. */
export async function runPredict(o: PredictOptions): Promise<void> {
  const message = o.message === '-' ? await readAll(o.stdin) : o.message;
  if (message.trim() === '') throw new UsageError('the message is empty', { code: 'E_EMPTY_MESSAGE', hint: 'Pass the failure text as an argument, or - to read it from stdin.' });
  if (o.kind !== undefined && !(eventKinds as readonly string[]).includes(o.kind)) throw new UsageError(`--kind must be one of ${eventKinds.join(', ')}`, { code: 'E_BAD_KIND' });
  const ev: FailureEvent = { v: EVENT_SCHEMA_VERSION, kind: (o.kind ?? 'test') as EventKind, run_id: 'predict', ts: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), framework: o.framework ?? 'unknown', test_id: 'predict', message: message.slice(0, 16_000), status: 'failed' };
  if (o.errorClass) ev.error_class = o.errorClass;
  if (o.errorCode) ev.error_code = o.errorCode;
  if (o.step) ev.suite = o.step;
  const c = classifierFor(o.config, o.root).classify(ev);
  o.stdout.write(o.json ? `${JSON.stringify(c, null, 2)}\n` : renderPrediction(c));
}
