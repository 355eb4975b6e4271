import { z } from 'zod';

const errSchema = z
  .object({
    message: z.string().nullish(),
    stack: z.string().nullish(),
    name: z.string().nullish(),
    code: z.union([z.string(), z.number()]).nullish(),
  })
  .nullish();

export const mochaTestSchema = z.object({
  title: z.string(),
  fullTitle: z.string().nullish(),
  file: z.string().nullish(),
  duration: z.number().nullish(),
  currentRetry: z.number().nullish(),
  err: errSchema,
});

/** mocha's built-in `json` reporter: stats plus the run's tests and, again, by outcome. */
export const mochaReportSchema = z.object({
  stats: z
    .object({ tests: z.number().nullish(), passes: z.number().nullish(), pending: z.number().nullish(), failures: z.number().nullish() })
    .nullish(),
  tests: z.array(mochaTestSchema),
  pending: z.array(mochaTestSchema).nullish(),
  failures: z.array(mochaTestSchema).nullish(),
  passes: z.array(mochaTestSchema).nullish(),
});

export type MochaTest = z.infer<typeof mochaTestSchema>;
export type MochaReport = z.infer<typeof mochaReportSchema>;
