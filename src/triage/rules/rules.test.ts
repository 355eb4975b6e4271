import { describe, expect, it } from 'vitest';
import type { Signal } from './types.js';
import { applyRules, builtinRules } from './index.js';

function sig(text: string, over: Partial<Signal> = {}): Signal {
  return { text, message: text, framework: 'unknown', kind: 'test', status: 'failed', ...over };
}
const decide = (text: string, over: Partial<Signal> = {}) => applyRules(builtinRules, sig(text, over), text.toLowerCase());

describe('built-in rules: conformance', () => {
  it('have unique ids, lower-case needles, and regexes without the stateful g/y flags', () => {
    const ids = builtinRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of builtinRules) {
      for (const n of r.needles ?? []) expect(n, r.id).toBe(n.toLowerCase());
      if (r.re) expect(r.re.flags, r.id).not.toMatch(/[gy]/);
      expect(r.category !== undefined || r.decide !== undefined, r.id).toBe(true);
    }
  });
});

// Messages as real tools print them (tool docs and public CI logs), one or more per category.
const cases: Array<[string, string, Partial<Signal>?]> = [
  ["src/app.ts(3,7): error TS2304: Cannot find name 'fooBar'.", 'undefined-name', { framework: 'tsc', errorCode: 'TS2304' }],
  ["Property 'name' does not exist on type 'User'.", 'api-contract-mismatch', { framework: 'tsc', errorCode: 'TS2339' }],
  ["Cannot find module './utils/format' or its corresponding type declarations.", 'import', { framework: 'tsc', errorCode: 'TS2307' }],
  ["Cannot find module 'lodash' or its corresponding type declarations.", 'dependency-missing', { framework: 'tsc', errorCode: 'TS2307' }],
  ["Type 'string' is not assignable to type 'number'.", 'type', { framework: 'tsc', errorCode: 'TS2322' }],
  ["This condition will always return true since this 'Promise<boolean>' is always defined.", 'type', { framework: 'tsc', errorCode: 'TS2801' }],
  ['This condition will always return true since this function is always defined. Did you mean to call it instead?', 'type', { framework: 'tsc', errorCode: 'TS2774' }],
  ['npm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.npmjs.org/left-padd - Not found', 'dependency-missing', { framework: 'npm', errorCode: 'E404' }],
  ['npm ERR! code ERESOLVE\nnpm ERR! ERESOLVE unable to resolve dependency tree', 'dependency-missing'],
  ['npm ERR! code EACCES\nnpm ERR! syscall mkdir', 'permission-denied'],
  ['error[E0425]: cannot find value `x` in this scope', 'undefined-name', { framework: 'rustc' }],
  ['error[E0432]: unresolved import `serde`\n  |\n1 | use serde::Serialize;\n  |     ^^^^^ use of unresolved module or unlinked crate `serde`\n  = help: you might be missing a crate', 'dependency-missing'],
  ["ModuleNotFoundError: No module named 'requests'", 'dependency-missing'],
  ["ImportError: cannot import name 'parse_date' from 'app.utils' (/app/utils.py)", 'import'],
  ["NameError: name 'total' is not defined", 'undefined-name'],
  ['IndentationError: unexpected indent', 'indentation'],
  ['TabError: inconsistent use of tabs and spaces in indentation', 'indentation'],
  ['SyntaxError: invalid syntax', 'syntax'],
  ["TypeError: can only concatenate str (not \"int\") to str", 'type'],
  ['TypeError: create_user() takes 2 positional arguments but 3 were given', 'api-contract-mismatch'],
  ["AttributeError: 'Client' object has no attribute 'fetch_all'", 'api-contract-mismatch'],
  ["AttributeError: 'NoneType' object has no attribute 'id'", 'runtime-error'],
  ["FileNotFoundError: [Errno 2] No such file or directory: 'config.yml'", 'file-not-found'],
  ["KeyError: 'DATABASE_URL'", 'environment-variable'],
  ['Error: Missing required environment variable STRIPE_SECRET_KEY', 'environment-variable'],
  ['deploy.sh: line 4: DEPLOY_TOKEN: unbound variable', 'environment-variable'],
  ['Error: connect ECONNREFUSED 127.0.0.1:5432', 'network-timeout'],
  ['fatal: unable to access \'https://github.com/acme/app.git/\': Could not resolve host: github.com', 'network-timeout'],
  ['requests.exceptions.ConnectionError: HTTPSConnectionPool(host=\'api.example.com\', port=443): Max retries exceeded', 'network-timeout'],
  ["PermissionError: [Errno 13] Permission denied: '/var/log/app.log'", 'permission-denied'],
  ['remote: Permission to acme/app.git denied to bot.\nfatal: Authentication failed for \'https://github.com/acme/app.git/\'', 'permission-denied'],
  ['● Validation Error:\n\n  Unknown option "testTimout" with value 500 was found.', 'configuration-error'],
  ['SyntaxError: Cannot use import statement outside a module', 'configuration-error'],
  ['AssertionError: expected 3 to equal 4', 'assertion-failure'],
  ['expect(received).toBe(expected) // Object.is equality\n\nExpected: 3\nReceived: 4', 'assertion-failure'],
  ['assert 200 == 404', 'assertion-failure'],
  ['org.opentest4j.AssertionFailedError: expected: <5> but was: <6>', 'assertion-failure'],
  ['expect(received).toMatchSnapshot()\n\nSnapshot name: `renders 1`\n\n- Snapshot  - 1\n+ Received  + 1', 'snapshot-mismatch'],
  ['thrown: "Exceeded timeout of 5000 ms for a test.', 'timeout'],
  ['Error: Timeout of 2000ms exceeded. For async tests and hooks, ensure "done()" is called', 'timeout'],
  ['panic: test timed out after 10m0s', 'timeout'],
  ['FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory', 'out-of-memory'],
  ['java.lang.OutOfMemoryError: Java heap space', 'out-of-memory'],
  ['##[error]Process completed with exit code 137.', 'out-of-memory'],
  ["fixture 'db_session' not found", 'test-infrastructure-error'],
  ['Your test suite must contain at least one test.', 'test-infrastructure-error'],
  ['"before all" hook for "creates a user":\n     Error: seed failed', 'test-infrastructure-error'],
  ['"before all" hook for "creates a user":\n     Error: connect ECONNREFUSED 127.0.0.1:5432', 'network-timeout'],
  ["TypeError: Cannot read properties of undefined (reading 'map')", 'runtime-error'],
  ['panic: runtime error: index out of range [5] with length 3', 'runtime-error'],
  ['java.lang.NullPointerException: Cannot invoke "String.length()" because "s" is null', 'runtime-error'],
  ['Jest: "global" coverage threshold for lines (80%) not met: 62.5%', 'policy-violation'],
  ['FAIL Required test coverage of 90% not reached. Total coverage: 71.43%', 'policy-violation'],
  ['bash: line 1: yarn: command not found', 'dependency-missing'],
  ['undefined: strings.Foo', 'api-contract-mismatch'],
  ['./main.go:8:2: undefined: helper', 'undefined-name'],
  ['src/main.c:5:12: error: ‘count’ undeclared (first use in this function)', 'undefined-name'],
  ["[warn] Code style issues found in 2 files. Run Prettier with --write to fix.", 'style'],
  ['ESLint: no-unused-vars', 'style', { framework: 'eslint', errorCode: 'no-unused-vars' }],
  ['docs/index.rst:12: (ERROR/3) Unknown target name: "install guide".', 'undefined-name'],
];

describe('built-in rules: real messages', () => {
  it.each(cases)('%s → %s', (text, category, over) => {
    expect(decide(text, over)?.category).toBe(category);
  });

  it('marks failures that passed on re-run as flaky, whatever the message', () => {
    expect(decide('AssertionError: expected 3 to equal 4', { status: 'flaky' })?.category).toBe('flaky');
    expect(decide('x', { flaky: { source: 'suture-rerun', runs: 3, failures: 1, passes: 2 } })?.category).toBe('flaky');
  });

  it('leaves free text it has no signal for to the model', () => {
    expect(decide('the widget looked wrong on tuesday')).toBeUndefined();
  });
});

describe('built-in rules: JavaScript syntax vs JSON data', () => {
  it('calls a JS parse error syntax, and leaves JSON parse errors of data to the model', () => {
    expect(decide("SyntaxError: Unexpected token ';'")?.category).toBe('syntax');
    expect(decide('SyntaxError: missing ) after argument list')?.category).toBe('syntax');
    expect(decide('SyntaxError: Unexpected token < in JSON at position 0')).toBeUndefined();
  });
});
