import { decided, isLocalSpecifier, pattern } from './define.js';
import type { Rule } from './types.js';

/** Node.js and browser-runtime errors, module resolution, and the JS test frameworks' own messages. */
export const javascriptRules: Rule[] = [
  pattern('js:heap-oom', 'out-of-memory', ['heap out of memory', 'reached heap limit', 'allocation failed'], /JavaScript heap out of memory|Reached heap limit|FATAL ERROR: .*Allocation failed/),
  pattern('js:esm-export-missing', 'import', ['does not provide an export named', 'named export'], /does not provide an export named|Named export '[^']+' not found/),
  pattern('js:esm-config', 'configuration-error', ['cannot use import statement outside a module', 'err_require_esm', 'err_unknown_file_extension', 'must use import to load es module', 'jest encountered an unexpected token', 'err_ossl_evp_unsupported', 'require() of es module', 'unexpected token'], /Cannot use import statement outside a module|ERR_REQUIRE_ESM|ERR_UNKNOWN_FILE_EXTENSION|Must use import to load ES Module|require\(\) of ES Module|ERR_OSSL_EVP_UNSUPPORTED/),
  decided('js:cannot-find-module', ['cannot find module', 'cannot find package', 'err_module_not_found', 'failed to load url', 'failed to resolve import', 'could not resolve', "can't resolve", 'module not found'], /(?:Cannot find (?:module|package)|Failed to load url|Failed to resolve import|Could not resolve|Can't resolve|Module not found: Error: Can't resolve) ['"]([^'"]+)['"]/, (_s, m) => {
    if (!m) return undefined;
    const spec = m[1]!;
    return { category: isLocalSpecifier(spec) ? 'import' : 'dependency-missing' };
  }),
  pattern('jest:validation', 'configuration-error', ['validation error', 'cannot be found'], /● Validation Error|Validation Error:|Test environment .* cannot be found|Preset .* not found/),
  pattern('js:syntax', 'syntax', ['syntaxerror'], /SyntaxError: (?!.*\bJSON\b)(?:[^:\n]+: )?(?:Missing semicolon|Unterminated string constant|Unexpected keyword|Unexpected (?:token|identifier|string|number|end of input|reserved word|strict mode reserved word)|missing \) after argument list|Invalid or unexpected token|Unterminated (?:string|template|regular expression)|Invalid regular expression|await is only valid|Identifier '[^']+' has already been declared|Unexpected character|Expected)/),
  pattern('js:package-exports', 'import', ['err_package_path_not_exported'], /ERR_PACKAGE_PATH_NOT_EXPORTED/),
  pattern('js:reference-error', 'undefined-name', ['referenceerror', 'is not defined'], /\bReferenceError: (?!You are trying to)|\b\w+ is not defined\b(?! by)/),
  pattern('js:not-a-function', 'api-contract-mismatch', ['is not a function', 'is not a constructor', 'has no method'], /\bis not a (?:function|constructor)\b|has no method '/),
  pattern('js:nullish', 'runtime-error', ['cannot read propert', 'cannot set propert', 'is not an object', 'cannot destructure'], /Cannot (?:read|set) propert(?:y|ies) of (?:undefined|null)|(?:undefined|null) is not an object|Cannot destructure property/),
  pattern('js:const-assign', 'type', ['assignment to constant variable', 'err_invalid_arg_type', 'converting circular structure'], /Assignment to constant variable|ERR_INVALID_ARG_TYPE|Converting circular structure to JSON/),
  pattern('js:assert', 'assertion-failure', ['err_assertion', 'assertionerror', 'expect(', 'expected:', 'assert.', 'to deep equal', 'to equal', 'to be ', 'to have', 'to include', 'to strictly equal'], /ERR_ASSERTION|\bAssertionError\b|^\s*expect\((?:received|[^)]*)\)\.(?:not\.|resolves\.|rejects\.)?\w+\(|^\s*Expected:?\s.*\n\s*Received:?\s|\bexpected .+ to (?:deep(?:ly)? )?(?:equal|be|have|include|contain|match|throw|strictly equal)\b/m),
  pattern('js:range', 'runtime-error', ['maximum call stack', 'invalid array length', 'rangeerror'], /Maximum call stack size exceeded|Invalid array length|\bRangeError\b/),
];

/** Messages of test frameworks about the test run itself (snapshot, timeout, harness). */
export const testFrameworkRules: Rule[] = [
  pattern('test:snapshot', 'snapshot-mismatch', ['snapshot'], /toMatch(?:Inline)?Snapshot|toThrowErrorMatching(?:Inline)?Snapshot|Snapshot [`'"].*[`'"] mismatched|snapshots? failed|Mismatched snapshot|obsolete snapshot|Snapshot:\s*\n|- Snapshot\s+- \d+|Snapshots:\s+\d+ failed|snapshot .*(?:does not match|mismatch)/i),
  pattern('test:timeout', 'timeout', ['timeout', 'timed out', 'time limit'], /Exceeded timeout of \d+ ?ms|Timeout of \d+ms exceeded|(?:Test|Hook) timed out in \d+ ?ms|Async callback was not invoked within|test timed out after|TimeoutException|Timeout \d+ms exceeded|exceeded the time ?limit|execution timed out|Error: Timeout/i),
  pattern('test:no-tests', 'test-infrastructure-error', ['no tests found', 'no test files found', 'must contain at least one test', 'no test suite found', 'no tests to run'], /No tests found|No test files found|must contain at least one test|No test suite found|no tests to run/i),
  pattern('test:harness', 'test-infrastructure-error', ['hook', 'did not exit', 'failed to exit gracefully', 'torn down', 'cannot log after tests are done', 'test environment', 'worker', 'done() called multiple times', 'unhandled error'], /"(?:before|after) (?:all|each)" hook|(?:before|after)(?:All|Each) hook|Jest did not exit|failed to exit gracefully|environment has been torn down|Cannot log after tests are done|done\(\) called multiple times|Worker (?:exited|terminated) unexpectedly|Unhandled (?:error|rejection)s? (?:during|between) test/i),
  pattern('test:setup-error', 'test-infrastructure-error', ['error at setup of', 'error at teardown of', 'test suite failed to run', 'error collecting'], /ERROR at (?:setup|teardown) of|Test suite failed to run|ERROR collecting /),
];
