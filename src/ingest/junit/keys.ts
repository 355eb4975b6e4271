import { nameKey } from '../xml/names.js';

/** Attribute names the JUnit handler reads, with their bytes precomputed for the scanner. */
export const A = {
  name: nameKey('name'),
  classname: nameKey('classname'),
  class: nameKey('class'),
  file: nameKey('file'),
  filepath: nameKey('filepath'),
  line: nameKey('line'),
  time: nameKey('time'),
  duration: nameKey('duration'),
  status: nameKey('status'),
  message: nameKey('message'),
  type: nameKey('type'),
  hostname: nameKey('hostname'),
  schema: nameKey('xsi:noNamespaceSchemaLocation'),
  assertions: nameKey('assertions'),
  failure: nameKey('failure'),
  tests: nameKey('tests'),
  failures: nameKey('failures'),
  errors: nameKey('errors'),
  skipped: nameKey('skipped'),
  skips: nameKey('skips'),
  disabled: nameKey('disabled'),
  ignored: nameKey('ignored'),
} as const;
