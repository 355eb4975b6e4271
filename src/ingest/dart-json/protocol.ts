import { z } from 'zod';

/** The dart/flutter test JSON reporter protocol (`dart test --reporter json`), one event per line. */
export const dartEventSchema = z.object({
  type: z.string(),
  time: z.number().nullish(),
  suite: z.object({ id: z.number(), path: z.string().nullish() }).nullish(),
  group: z.object({ id: z.number(), name: z.string().nullish(), parentID: z.number().nullish() }).nullish(),
  test: z
    .object({
      id: z.number(),
      name: z.string(),
      suiteID: z.number(),
      groupIDs: z.array(z.number()).nullish(),
      metadata: z.object({ skip: z.boolean().nullish(), skipReason: z.string().nullish() }).nullish(),
      line: z.number().nullish(),
      column: z.number().nullish(),
      url: z.string().nullish(),
      root_line: z.number().nullish(),
      root_column: z.number().nullish(),
      root_url: z.string().nullish(),
    })
    .nullish(),
  testID: z.number().nullish(),
  result: z.string().nullish(),
  skipped: z.boolean().nullish(),
  hidden: z.boolean().nullish(),
  error: z.string().nullish(),
  stackTrace: z.string().nullish(),
  isFailure: z.boolean().nullish(),
  message: z.string().nullish(),
  messageType: z.string().nullish(),
});

export type DartEvent = z.infer<typeof dartEventSchema>;
