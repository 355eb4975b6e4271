import OpenAI from 'openai';
import { BadResponseError, estimateTokens, type ChatProvider, type ChatRequest, type ChatResponse, type ResolvedProvider } from './types.js';

/**
 * OpenAI Chat Completions through the official SDK, against any compatible base URL (OpenAI, Ollama,
 * vLLM, llama.cpp server, LM Studio, OpenRouter). SDK retries are off: retry.ts owns them.
 */
export function openaiProvider(p: ResolvedProvider, apiKey: string, fetchImpl?: typeof fetch): ChatProvider {
  const client = new OpenAI({ apiKey, baseURL: p.baseUrl, timeout: p.timeoutMs, maxRetries: 0, organization: null, project: null, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  // api.openai.com's newer models take only max_completion_tokens; compatible servers know max_tokens.
  const official = /(^|\.)openai\.com$/.test(safeHost(p.baseUrl));
  const limit = official ? { max_completion_tokens: p.maxTokens } : { max_tokens: p.maxTokens };
  return {
    name: p.name,
    type: 'openai',
    model: p.model,
    async complete(req: ChatRequest): Promise<ChatResponse> {
      const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [{ role: 'system', content: req.system }, ...req.messages.map((m) => ({ role: m.role, content: m.content }))];
      const temperature = req.temperature ?? p.temperature;
      const base = { model: p.model, messages, ...(temperature !== undefined ? { temperature } : {}), ...limit };
      const opts = req.signal ? { signal: req.signal } : {};
      if (!p.stream) {
        const r = await client.chat.completions.create({ ...base, stream: false }, opts);
        const choice = r.choices?.[0];
        if (!choice) throw new BadResponseError('the server answered with no choices');
        const text = choice.message?.content ?? '';
        return { text, model: r.model ?? p.model, usage: usageOf(r.usage, req, text), ...(choice.finish_reason ? { stopReason: choice.finish_reason } : {}) };
      }
      const stream = await client.chat.completions.create({ ...base, stream: true, stream_options: { include_usage: true } }, opts);
      let text = '';
      let model = p.model;
      let stopReason: string | undefined;
      let usage: OpenAI.CompletionUsage | undefined;
      for await (const chunk of stream) {
        if (chunk.model) model = chunk.model;
        if (chunk.usage) usage = chunk.usage;
        const choice = chunk.choices?.[0];
        if (choice?.delta?.content) text += choice.delta.content;
        if (choice?.finish_reason) stopReason = choice.finish_reason;
      }
      // A stream that ends without a finish reason was cut off (a dropped connection, a proxy timeout).
      if (!stopReason) throw new BadResponseError('the answer stream ended before the model finished');
      return { text, model, usage: usageOf(usage, req, text), stopReason };
    },
  };
}

function usageOf(u: OpenAI.CompletionUsage | null | undefined, req: ChatRequest, text: string): ChatResponse['usage'] {
  if (u && typeof u.prompt_tokens === 'number') return { inputTokens: u.prompt_tokens, outputTokens: u.completion_tokens ?? 0 };
  const input = estimateTokens(req.system) + req.messages.reduce((n, m) => n + estimateTokens(m.content), 0);
  return { inputTokens: input, outputTokens: estimateTokens(text), estimated: true };
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
