import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the paid model APIs, speaking their real wire formats so the official SDKs can
 * be pointed at it by base URL: Anthropic Messages (POST /v1/messages, JSON or SSE) and OpenAI Chat
 * Completions (POST /v1/chat/completions, JSON or SSE). Replies are scripted test data, in order; every
 * request is recorded (headers and raw body) so tests can assert what left the process.
 */
export type Step =
  /** A normal answer (streamed when the request asked for a stream). */
  | { reply: string; usage?: { input: number; output: number }; stop?: string; model?: string; omitUsage?: boolean }
  /** An HTTP error with the vendor's error body. */
  | { status: number; errorType?: string; message?: string; headers?: Record<string, string> }
  /** A body that is not what the SDK expects (malformed or truncated JSON). */
  | { raw: string; status?: number; contentType?: string }
  /** A stream that stops part-way (connection closed before the end). */
  | { cutStream: string }
  /** Anthropic: an error event in the middle of a stream (overloaded). */
  | { streamError: string; partial?: string };

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  json: Record<string, unknown> | undefined;
}

export interface FakeModelServer {
  /** http://127.0.0.1:<port> (Anthropic base URL); OpenAI clients use `${url}/v1`. */
  url: string;
  requests: RecordedRequest[];
  /** Appends scripted steps; an unscripted request gets a 500 that names the problem. */
  script(...steps: (Step | ((req: RecordedRequest) => Step))[]): void;
  pending(): number;
  close(): Promise<void>;
}

export async function startFakeModelServer(): Promise<FakeModelServer> {
  const queue: (Step | ((req: RecordedRequest) => Step))[] = [];
  const requests: RecordedRequest[] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: Record<string, unknown> | undefined;
      try {
        json = JSON.parse(body) as Record<string, unknown>;
      } catch {
        json = undefined;
      }
      const rec: RecordedRequest = { path: req.url ?? '', headers: req.headers, body, json };
      requests.push(rec);
      const wire = rec.path.endsWith('/messages') ? 'anthropic' : rec.path.endsWith('/chat/completions') ? 'openai' : undefined;
      if (!wire) return send(res, 404, { error: { message: `no route ${rec.path}` } });
      const next = queue.shift();
      if (!next) return send(res, 500, errorBody(wire, 'api_error', 'fake server: no scripted reply left'));
      const step = typeof next === 'function' ? next(rec) : next;
      n++;
      respond(wire, step, rec, res, n);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...steps) => void queue.push(...steps),
    pending: () => queue.length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function errorBody(wire: 'anthropic' | 'openai', type: string, message: string): unknown {
  return wire === 'anthropic' ? { type: 'error', error: { type, message } } : { error: { message, type, param: null, code: null } };
}

function respond(wire: 'anthropic' | 'openai', step: Step, req: RecordedRequest, res: ServerResponse, n: number): void {
  if ('status' in step && !('raw' in step)) {
    const type = step.errorType ?? (step.status === 429 ? 'rate_limit_error' : step.status === 529 ? 'overloaded_error' : 'api_error');
    return send(res, step.status, errorBody(wire, type, step.message ?? `scripted ${step.status}`), step.headers);
  }
  if ('raw' in step) {
    res.writeHead(step.status ?? 200, { 'content-type': step.contentType ?? 'application/json' });
    return void res.end(step.raw);
  }
  const model = String(req.json?.model ?? 'fake-model');
  const streaming = req.json?.stream === true;
  if ('cutStream' in step || 'streamError' in step) {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const text = 'cutStream' in step ? step.cutStream : (step.partial ?? '');
    const events = wire === 'anthropic' ? anthropicEvents(model, text, { input: 10, output: 5 }, 'end_turn', n) : openaiChunks(model, text, { input: 10, output: 5 }, 'stop', n, false);
    // Everything up to the last text delta, never the end of the message.
    const cut = events.slice(0, wire === 'anthropic' ? 3 : events.length - 3);
    res.write(cut.join(''));
    if ('streamError' in step) {
      res.write(`event: error\ndata: ${JSON.stringify({ type: 'error', error: { type: step.streamError, message: 'Overloaded' } })}\n\n`);
      return void res.end();
    }
    // Drop the connection mid-stream.
    return void res.socket?.destroy();
  }
  const usage = step.usage ?? { input: 1000, output: 200 };
  const stop = step.stop ?? (wire === 'anthropic' ? 'end_turn' : 'stop');
  const m = step.model ?? model;
  if (streaming) {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const events = wire === 'anthropic' ? anthropicEvents(m, step.reply, usage, stop, n) : openaiChunks(m, step.reply, usage, stop, n, !step.omitUsage);
    return void res.end(events.join(''));
  }
  if (wire === 'anthropic') {
    return send(res, 200, {
      id: `msg_${n}`, type: 'message', role: 'assistant', model: m, content: [{ type: 'text', text: step.reply }],
      stop_reason: stop, stop_sequence: null, usage: { input_tokens: usage.input, output_tokens: usage.output },
    });
  }
  return send(res, 200, {
    id: `chatcmpl-${n}`, object: 'chat.completion', created: 1_700_000_000, model: m,
    choices: [{ index: 0, message: { role: 'assistant', content: step.reply, refusal: null }, logprobs: null, finish_reason: stop }],
    ...(step.omitUsage ? {} : { usage: { prompt_tokens: usage.input, completion_tokens: usage.output, total_tokens: usage.input + usage.output } }),
  });
}

function sse(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function pieces(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += 40) out.push(text.slice(i, i + 40));
  return out.length > 0 ? out : [''];
}

function anthropicEvents(model: string, text: string, usage: { input: number; output: number }, stop: string, n: number): string[] {
  return [
    sse('message_start', { type: 'message_start', message: { id: `msg_${n}`, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: usage.input, output_tokens: 1 } } }),
    sse('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
    ...pieces(text).map((t) => sse('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: t } })),
    sse('content_block_stop', { type: 'content_block_stop', index: 0 }),
    sse('message_delta', { type: 'message_delta', delta: { stop_reason: stop, stop_sequence: null }, usage: { output_tokens: usage.output } }),
    sse('message_stop', { type: 'message_stop' }),
  ];
}

function openaiChunks(model: string, text: string, usage: { input: number; output: number }, stop: string, n: number, withUsage: boolean): string[] {
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    `data: ${JSON.stringify({ id: `chatcmpl-${n}`, object: 'chat.completion.chunk', created: 1_700_000_000, model, choices, ...extra })}\n\n`;
  return [
    chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]),
    ...pieces(text).map((t) => chunk([{ index: 0, delta: { content: t }, finish_reason: null }])),
    chunk([{ index: 0, delta: {}, finish_reason: stop }]),
    ...(withUsage ? [chunk([], { usage: { prompt_tokens: usage.input, completion_tokens: usage.output, total_tokens: usage.input + usage.output } })] : []),
    'data: [DONE]\n\n',
  ];
}
