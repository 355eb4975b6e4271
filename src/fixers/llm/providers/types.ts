/** One turn of the conversation (the system prompt travels separately). */
export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  system: string;
  messages: ChatMessage[];
  /** Overrides the provider's configured temperature (sampling). */
  temperature?: number;
  signal?: AbortSignal;
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  /** True when the server sent no usage and the counts are estimated from text length (4 characters a token). */
  estimated?: boolean;
}

export interface ChatResponse {
  text: string;
  /** The model that answered, as the server reports it. */
  model: string;
  usage: Usage;
  /** Why generation stopped ('end_turn', 'stop', 'max_tokens', 'length', ...). */
  stopReason?: string;
}

/** A chat model behind one endpoint, reached through its vendor's official SDK. */
export interface ChatProvider {
  /** The name in suture.yml (`llm.providers.<name>`). */
  name: string;
  type: 'anthropic' | 'openai';
  model: string;
  complete(req: ChatRequest): Promise<ChatResponse>;
}

/** A provider entry with every default filled in. */
export interface ResolvedProvider {
  name: string;
  type: 'anthropic' | 'openai';
  model: string;
  baseUrl: string;
  apiKeyEnv: string | null;
  timeoutMs: number;
  maxRetries: number;
  maxTokens: number;
  /** Absent: the server's default. */
  temperature?: number;
  stream: boolean;
}

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** A 200 response that is not a usable answer (no choices, a stream cut off); retried like a 5xx. */
export class BadResponseError extends Error {
  override readonly name = 'BadResponseError';
}
