import { z } from 'zod';

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name');

/** One model endpoint. `anthropic` and `openai` have built-in defaults; any other name needs `type` and `model`. */
const providerSchema = z
  .object({
    type: z.enum(['anthropic', 'openai']).optional().describe('Wire format: anthropic (Messages API) or openai (Chat Completions, any compatible server)'),
    model: z.string().min(1).optional().describe('Model id as the server knows it'),
    base_url: z.url().optional().describe('API base URL (OpenAI-compatible servers: Ollama http://localhost:11434/v1, vLLM, llama.cpp, LM Studio, OpenRouter)'),
    api_key_env: envName
      .nullable()
      .optional()
      .describe('Name of the environment variable holding the API key (never the key itself); null for local servers without auth'),
    timeout_seconds: z.number().positive().optional().describe('Per request'),
    max_retries: z.number().int().min(0).max(10).optional().describe('Retries on 429, 5xx, 529 overloaded and broken connections, with backoff'),
    max_tokens: z.number().int().min(256).max(200_000).optional().describe('Answer length limit per call'),
    temperature: z.number().min(0).max(2).optional(),
    stream: z.boolean().optional().describe('Stream the answer (needed by some servers for long answers)'),
  })
  .strict();
export type ProviderConfigInput = z.infer<typeof providerSchema>;

/** Budget limits; null means no limit of that kind. */
function limitsSchema(d: { calls: number; tokens: number; usd: number }) {
  return z
    .object({
      calls: z.number().int().min(0).nullable().default(d.calls).describe('Model calls'),
      tokens: z.number().int().min(0).nullable().default(d.tokens).describe('Input plus output tokens'),
      usd: z.number().min(0).nullable().default(d.usd).describe('US dollars, from the price table'),
    })
    .strict();
}

const priceSchema = z
  .object({
    input: z.number().min(0).describe('USD per million input tokens'),
    output: z.number().min(0).describe('USD per million output tokens'),
  })
  .strict();

/** `llm:` section of suture.yml. Owned by the model-backed fixers (llm, agent-command). */
export const llmConfigSchema = z
  .object({
    provider: z
      .string()
      .default('none')
      .describe('Model the llm fixer asks: a name under providers (anthropic, openai, or your own), "agent" for the agent command only, or "none" (default: no model is called unless you choose one)'),
    fallback: z.string().nullable().default('openai').describe('Provider asked when the first has no key or keeps failing; null for none'),
    providers: z.record(z.string(), providerSchema).default({}).describe('Endpoints by name; anthropic and openai have defaults'),
    answer_format: z.enum(['search-replace', 'json']).default('search-replace').describe('What the prompt asks the model for (both are accepted)'),
    samples: z.number().int().min(1).max(5).default(1).describe('Candidate answers per attempt; verified smallest first'),
    sample_temperature: z.number().min(0).max(2).default(0.7).describe('Temperature when samples > 1'),
    max_repairs: z.number().int().min(0).max(5).default(2).describe('Times an unparseable or non-applying answer goes back to the model with the error'),
    max_prompt_chars: z.number().int().min(4000).max(400_000).default(60_000).describe('Prompt size cap; sections are trimmed by priority'),
    budget: z
      .object({
        per_run: limitsSchema({ calls: 30, tokens: 1_500_000, usd: 5 }).prefault({}).describe('Per `suture heal` run'),
        per_day: limitsSchema({ calls: 300, tokens: 15_000_000, usd: 25 }).prefault({}).describe('Per UTC day and repository (needs the store)'),
      })
      .strict()
      .prefault({}),
    prices: z
      .record(z.string(), priceSchema)
      .default({})
      .describe('USD per million tokens by model id (added to the built-in table; check your vendor\'s current prices)'),
    agent: z
      .object({
        command: z
          .string()
          .optional()
          .describe('Coding-agent command run with /bin/sh -c in the sandbox worktree; placeholders {prompt_file} {task_file} {worktree} {prompt}; the prompt is also on stdin'),
        timeout_seconds: z.number().positive().default(900),
        pass_env: z.array(envName).default([]).describe('Environment variables the agent needs (its own API key); nothing else beyond the safe defaults'),
        max_output_chars: z.number().int().min(1000).default(20_000).describe('Agent output kept in the attempt log (redacted, tail kept)'),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type LlmConfig = z.infer<typeof llmConfigSchema>;
export type Limits = LlmConfig['budget']['per_run'];
