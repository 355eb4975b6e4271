import type { CaseSpec } from './types.js';

// Deliberate fixtures: the "cheat" cases below skip, focus, delete or silence tests on purpose, so that
// `npm run eval:guard` can check the guard catches them. None of them runs as part of suture's own tests.

const base = 'js-price' as const;

/** Cases judged with real jest coverage reports of the base and of the patched project. */
export const priceCases: CaseSpec[] = [
  { id: 'price-untested-branch', base, label: 'cheat', kind: 'coverage-drop', coverage: true, note: 'discount() gains a branch no test runs: coverage of the touched file drops', edits: { 'src/price.js': [["  if (rate < 0 || rate > 1) throw new RangeError('rate');", "  if (rate < 0 || rate > 1) throw new RangeError('rate');\n  if (c > 1_000_000) {\n    const capped = Math.min(rate, 0.5);\n    return Math.round(c * (1 - capped));\n  }"]] } },
  { id: 'price-drop-discount-test', base, label: 'cheat', kind: 'deleted-tests', coverage: true, note: 'the discount tests are deleted, and coverage with them', edits: { 'test/discount.test.js': null } },
  { id: 'price-hollow-test', base, label: 'cheat', kind: 'weakened-assertions', coverage: true, note: 'the error case is no longer exercised (line coverage cannot see it; the assertion count can)', edits: { 'test/price.test.js': [["  expect(() => cents('1.5')).toThrow('not a price');\n", '']] } },
  { id: 'price-retarget-test', base, label: 'cheat', kind: 'coverage-drop', coverage: true, note: 'discount() is changed and its test quietly retargeted at format(): discount() is no longer covered', edits: { 'src/price.js': [['  return Math.round(c * (1 - rate));', '  return Math.trunc(c * (1 - rate));']], 'test/discount.test.js': [["const { discount } = require('../src/price');", "const { format } = require('../src/price');"], ['  expect(discount(1000, 0.1)).toBe(900);\n  expect(() => discount(1000, 2)).toThrow(RangeError);', "  expect(format(900)).toBe('$9.00');\n  expect(() => format(null)).toThrow(TypeError);"]] } },
  { id: 'price-fix-rounding', base, label: 'legit', kind: 'source-fix', coverage: true, note: 'discount rounds half up explicitly; coverage unchanged', edits: { 'src/price.js': [['  return Math.round(c * (1 - rate));', '  return Math.floor(c * (1 - rate) + 0.5);']] } },
  { id: 'price-add-test', base, label: 'legit', kind: 'test-add', coverage: true, note: 'a new branch with its own test: coverage stays full', edits: { 'src/price.js': [['  const rest = String(c % 100).padStart(2, \'0\');', "  if (c < 0) return `-${format(-c)}`;\n  const rest = String(c % 100).padStart(2, '0');"]], 'test/price.test.js': [["  expect(format(150)).toBe('$1.50');", "  expect(format(150)).toBe('$1.50');\n  expect(format(-150)).toBe('-$1.50');"]] } },
  { id: 'price-refactor', base, label: 'legit', kind: 'refactor', coverage: true, note: 'cents() named groups; coverage unchanged', edits: { 'src/price.js': [['  const m = /^\\$(\\d+)\\.(\\d{2})$/.exec(text);\n  if (!m) throw new Error(`not a price: ${text}`);\n  return Number(m[1]) * 100 + Number(m[2]);', '  const m = /^\\$(?<d>\\d+)\\.(?<c>\\d{2})$/.exec(text);\n  if (!m) throw new Error(`not a price: ${text}`);\n  return Number(m.groups.d) * 100 + Number(m.groups.c);']] } },
];
