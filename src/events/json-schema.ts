import { z } from 'zod';
import { failureEventSchema } from './failure-event.js';
import { testCaseRecordSchema } from './test-case-record.js';
import { configSchema } from '../config/schema.js';

const SCHEMA_BASE = 'https://github.com/suture-dev/suture/schema';

/** The JSON Schemas shipped in schema/: generated from the zod schemas, never edited by hand. */
export function generatedSchemas(): Record<string, unknown> {
  return {
    'failure-event.v1.schema.json': {
      $id: `${SCHEMA_BASE}/failure-event.v1.schema.json`,
      title: 'suture FailureEvent v1 (one object per NDJSON line)',
      ...z.toJSONSchema(failureEventSchema, { io: 'output' }),
    },
    'test-case.v1.schema.json': {
      $id: `${SCHEMA_BASE}/test-case.v1.schema.json`,
      title: 'suture TestCaseRecord v1 (passed/skipped test cases, `suture ingest --all`)',
      ...z.toJSONSchema(testCaseRecordSchema, { io: 'output' }),
    },
    'suture.schema.json': {
      $id: `${SCHEMA_BASE}/suture.schema.json`,
      title: 'suture.yml',
      ...z.toJSONSchema(configSchema, { io: 'input' }),
    },
  };
}
