import Anthropic from '@anthropic-ai/sdk';
import type { ChatProvider, ChatRequest, ChatResponse, ResolvedProvider } from './types.js';

/**
 * Anthropic Messages through the official SDK. The SDK's own retries are off (maxRetries 0): suture's
 * retry loop (retry.ts) owns backoff, so it can cap a retry-after and fall back to another provider.
 */
export function anthropicProvider(p: ResolvedProvider, apiKey: string, fetchImpl?: typeof fetch): ChatProvider {
  const client = new Anthropic({ apiKey, authToken: null, baseURL: p.baseUrl, timeout: p.timeoutMs, maxRetries: 0, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  return {
    name: p.name,
    type: 'anthropic',
    model: p.model,
    async complete(req: ChatRequest): Promise<ChatResponse> {
      const params = {
        model: p.model,
        max_tokens: p.maxTokens,
        system: req.system,
        ...((req.temperature ?? p.temperature) !== undefined ? { temperature: (req.temperature ?? p.temperature)! } : {}),
        messages: req.messages.map((m) => ({ role: m.role, content: m.content })),
      };
      const opts = req.signal ? { signal: req.signal } : {};
      const msg = p.stream ? await client.messages.stream(params, opts).finalMessage() : await client.messages.create(params, opts);
      const text = msg.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
      const u = msg.usage;
      return {
        text,
        model: msg.model,
        // Cache reads and writes are input tokens too (billed at their own rates; counted here at the input rate).
        usage: { inputTokens: u.input_tokens + (u.cache_creation_input_tokens ?? 0) + (u.cache_read_input_tokens ?? 0), outputTokens: u.output_tokens },
        ...(msg.stop_reason ? { stopReason: msg.stop_reason } : {}),
      };
    },
  };
}
