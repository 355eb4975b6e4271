import { z } from 'zod';

/** One test in jest's `--json` output; vitest's JSON reporter writes the same shape (a few fields fewer). */
export const assertionSchema = z.object({
  ancestorTitles: z.array(z.string()).nullish(),
  title: z.string(),
  fullName: z.string().nullish(),
  status: z.string(),
  duration: z.number().nullish(),
  failureMessages: z.array(z.string()).nullish(),
  /** jest: the thrown values; `matcherResult` marks an expect() assertion. */
  failureDetails: z.array(z.unknown()).nullish(),
  /** jest --testLocationInResults, vitest includeTaskLocation: where the test is declared. */
  location: z.object({ line: z.number(), column: z.number() }).nullish(),
  /** jest.retryTimes: messages of the failed attempts before the final one. */
  retryReasons: z.array(z.string()).nullish(),
  invocations: z.number().nullish(),
});

export const fileResultSchema = z.object({
  name: z.string(),
  status: z.string().nullish(),
  message: z.string().nullish(),
  assertionResults: z.array(assertionSchema).nullish(),
});

export const jestLikeReportSchema = z.object({
  numTotalTests: z.number().nullish(),
  numFailedTests: z.number().nullish(),
  numPendingTests: z.number().nullish(),
  numTodoTests: z.number().nullish(),
  numRuntimeErrorTestSuites: z.number().nullish(),
  testResults: z.array(fileResultSchema),
});

export type JestAssertion = z.infer<typeof assertionSchema>;
export type JestFileResult = z.infer<typeof fileResultSchema>;
export type JestLikeReport = z.infer<typeof jestLikeReportSchema>;
