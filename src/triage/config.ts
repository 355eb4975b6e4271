import { z } from 'zod';
import { categories, stages } from './taxonomy.js';

const regexString = z.string().min(1).refine(
  (s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

/** A user pattern: when it matches, it decides the category (and stage) before any built-in rule. */
export const customPatternSchema = z
  .object({
    id: z.string().min(1).optional(),
    pattern: regexString,
    /** Regex flags; "i" by default. */
    flags: z.string().regex(/^[imsu]*$/).default('i'),
    category: z.enum(categories),
    stage: z.enum(stages).optional(),
    /** What suture reports as its confidence for this pattern; measured precision replaces it after `triage train`. */
    confidence: z.number().min(0).max(1).default(0.9),
    rootCause: z.string().optional(),
    suggestedFix: z.string().optional(),
  })
  .strict();
export type CustomPattern = z.output<typeof customPatternSchema>;

/** A fingerprint rule: the first one whose `match` fits an event changes how its fingerprint is built. */
export const fingerprintRuleSchema = z
  .object({
    match: z
      .object({
        message: regexString.optional(),
        framework: z.string().optional(),
        error_class: z.string().optional(),
        error_code: z.string().optional(),
        /** Glob on the event's repo-relative file. */
        file: z.string().optional(),
      })
      .strict(),
    /** Put every matching event in one named group (fingerprint "fp1:rule:<group>"). */
    group: z.string().min(1).optional(),
    /** Ignore stack frames (e.g. a shared helper that every failure passes through). */
    ignore_frames: z.boolean().optional(),
    /** Add these fields to the signature to split a group further. */
    split_by: z.array(z.enum(['test_id', 'file', 'suite', 'package'])).optional(),
    /** Extra replacements applied to the message before normalisation (e.g. a tenant id format). */
    replace: z.array(z.object({ pattern: regexString, with: z.string().default('<x>') }).strict()).optional(),
  })
  .strict();
export type FingerprintRule = z.output<typeof fingerprintRuleSchema>;

/** `triage:` section of suture.yml. Owned by the triage stage. */
export const triageConfigSchema = z
  .object({
    /** Custom patterns, tried before the built-in rules and the model. */
    patterns: z.array(customPatternSchema).default([]),
    fingerprint: z.object({ rules: z.array(fingerprintRuleSchema).default([]) }).strict().prefault({}),
    /** Path to a model file from `suture triage train` (default: the one shipped with suture). */
    model: z.string().optional(),
    /** When at least this share of the run's tests fail at once, they are one infrastructure cluster. */
    infrastructure_ratio: z.number().gt(0).max(1).default(0.5),
    /** ...and at least this many failed (a 2-test suite with 1 failure is not an outage). */
    infrastructure_min_failures: z.number().int().positive().default(5),
  })
  .strict();
export type TriageConfig = z.output<typeof triageConfigSchema>;
