import { z } from 'zod';

/** One line of `go test -json` (test2json). Newer go adds build-output/build-fail lines with ImportPath. */
export const goEventSchema = z.object({
  Time: z.string().nullish(),
  Action: z.string(),
  Package: z.string().nullish(),
  ImportPath: z.string().nullish(),
  Test: z.string().nullish(),
  Output: z.string().nullish(),
  Elapsed: z.number().nullish(),
  FailedBuild: z.string().nullish(),
});

export type GoEvent = z.infer<typeof goEventSchema>;
