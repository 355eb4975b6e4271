/**
 * The two axes every failure is placed on. `stage` says where in the pipeline it broke; `category` says
 * what kind of cause it is. Ids are stable strings: the store, fixers and reports key on them.
 */
export const stages = [
  'setup',
  'dependency-install',
  'compile',
  'lint',
  'test',
  'docs',
  'license',
  'coverage',
  'deploy',
  'unknown',
] as const;
export type Stage = (typeof stages)[number];

export const categories = [
  'import',
  'syntax',
  'indentation',
  'undefined-name',
  'type',
  'file-not-found',
  'dependency-missing',
  'environment-variable',
  'api-contract-mismatch',
  'network-timeout',
  'permission-denied',
  'configuration-error',
  'assertion-failure',
  'snapshot-mismatch',
  'timeout',
  'flaky',
  'out-of-memory',
  'test-infrastructure-error',
  // Beyond the seeds' list: failures that are common in real CI and fit none of the above.
  'runtime-error',
  'style',
  'policy-violation',
  'unknown',
] as const;
export type Category = (typeof categories)[number];

export const stageLabels: Record<Stage, string> = {
  setup: 'setup / infrastructure (checkout, network, auth, runner, timeout, out of memory)',
  'dependency-install': 'dependency install',
  compile: 'compile / typecheck',
  lint: 'lint / format / style',
  test: 'test',
  docs: 'docs',
  license: 'license check',
  coverage: 'coverage gate',
  deploy: 'deploy / publish',
  unknown: 'unknown',
};

export interface Explanation {
  rootCause: string;
  suggestedFix: string;
}

/** One root-cause sentence and one next step per category, in the voice the seeds use. */
export const categoryExplanations: Record<Category, Explanation> = {
  import: {
    rootCause: 'An import refers to a module, file or exported name of this repository that does not exist under that name.',
    suggestedFix: 'Check the import path and the exported name (renamed or moved file, missing export, wrong relative path) and correct the import.',
  },
  syntax: {
    rootCause: 'The source does not parse: a token is missing, extra or misplaced.',
    suggestedFix: 'Open the reported file at the reported line and fix the syntax (unclosed bracket or string, missing separator, stray token).',
  },
  indentation: {
    rootCause: 'Indentation is inconsistent where the language or the style rules make it significant.',
    suggestedFix: 'Re-indent the block at the reported line consistently (spaces vs tabs, block level), or run the formatter.',
  },
  'undefined-name': {
    rootCause: 'A variable, function or type is used but never defined or imported in that scope.',
    suggestedFix: 'Define or import the name, or fix its spelling (the tool\'s "did you mean" suggestion is usually right).',
  },
  type: {
    rootCause: 'A value of one type is used where another type is required.',
    suggestedFix: 'Convert the value or fix the declared type at the reported location; check null/undefined handling.',
  },
  'file-not-found': {
    rootCause: 'A file or directory the code or the build expects is not there.',
    suggestedFix: 'Check the path (relative to which working directory?), create or generate the file, or fix the reference.',
  },
  'dependency-missing': {
    rootCause: 'A third-party package, module, crate or tool is not installed or cannot be resolved at the required version.',
    suggestedFix: 'Add the dependency to the manifest (package.json, requirements, go.mod, Cargo.toml, pom.xml), install it, or fix its name/version.',
  },
  'environment-variable': {
    rootCause: 'A required environment variable is missing or empty in this environment.',
    suggestedFix: 'Set the variable in the CI job or the local environment (secrets for credentials), or give the code a safe default.',
  },
  'api-contract-mismatch': {
    rootCause: 'Code calls an API with a shape it does not have: wrong number of arguments, or a method, attribute or field that does not exist.',
    suggestedFix: 'Compare the call with the current signature of the callee (it may have changed in a dependency update) and update the call or the API.',
  },
  'network-timeout': {
    rootCause: 'A network operation failed: host unreachable, connection refused, DNS failure or timeout.',
    suggestedFix: 'Retry to rule out a transient outage; check the URL, proxy, registry mirror and service availability; add retries or mock the service in tests.',
  },
  'permission-denied': {
    rootCause: 'The process was not allowed to read, write, execute or authenticate.',
    suggestedFix: 'Fix file modes or ownership, the executable bit, or the credentials/token and its scopes.',
  },
  'configuration-error': {
    rootCause: 'A configuration file or option is invalid, unknown or inconsistent.',
    suggestedFix: 'Validate the named config file against its documented schema and fix the reported key or value.',
  },
  'assertion-failure': {
    rootCause: 'A test assertion failed: the code produced a different value than the test expects.',
    suggestedFix: 'Compare expected and actual values; fix the code if the test states the intended behaviour, or update the test if the behaviour changed on purpose.',
  },
  'snapshot-mismatch': {
    rootCause: 'Rendered output no longer matches the stored snapshot.',
    suggestedFix: 'Review the snapshot diff; fix the regression, or update the snapshot deliberately if the change is intended.',
  },
  timeout: {
    rootCause: 'An operation did not finish within its time limit.',
    suggestedFix: 'Look for a hang or a missing await/done callback; raise the limit only if the work is legitimately slow.',
  },
  flaky: {
    rootCause: 'The test fails intermittently: it failed, then passed on re-run with no code change.',
    suggestedFix: 'Quarantine and investigate shared state, ordering, timing or external dependencies; do not patch the code under test.',
  },
  'out-of-memory': {
    rootCause: 'The process ran out of memory (or the machine out of disk space), or was killed by the out-of-memory killer.',
    suggestedFix: 'Look for unbounded growth; raise the heap limit or runner size only after ruling out a leak.',
  },
  'test-infrastructure-error': {
    rootCause: 'The test harness itself failed (fixture, hook, setup, collection or runner), not an assertion in a test.',
    suggestedFix: 'Fix the failing fixture, hook or test configuration; the tests themselves may be fine.',
  },
  'runtime-error': {
    rootCause: 'The code raised an unexpected runtime error: null or undefined dereference, index or key out of range, invalid value, panic or crash.',
    suggestedFix: 'Follow the stack to the first frame in this repository and guard the failing operation or fix the value that reaches it.',
  },
  style: {
    rootCause: 'A lint or format rule is violated (formatting, unused code, a style or best-practice rule).',
    suggestedFix: 'Run the formatter or the linter with --fix, or change the code to satisfy the named rule.',
  },
  'policy-violation': {
    rootCause: 'A project gate failed: a threshold, allow list or policy check, not a defect in one line of code.',
    suggestedFix: 'Meet the gate (add the missing tests, replace the disallowed dependency); changing the gate is a team decision.',
  },
  unknown: {
    rootCause: 'The failure could not be classified with confidence.',
    suggestedFix: 'Read the failure output; if this recurs, add a custom pattern in suture.yml (triage.patterns).',
  },
};

/** Where the stage changes what the category means, the sentence is made specific. */
const stageOverrides: Partial<Record<Stage, Partial<Record<Category, Explanation>>>> = {
  coverage: {
    'policy-violation': {
      rootCause: 'Test coverage fell below the configured threshold.',
      suggestedFix: 'Add tests for the uncovered code; lowering the threshold is a policy decision, not a fix.',
    },
  },
  license: {
    'policy-violation': {
      rootCause: 'A dependency has a licence that the project policy does not allow.',
      suggestedFix: 'Replace the dependency, or get the licence approved and added to the allow list.',
    },
  },
  setup: {
    timeout: {
      rootCause: 'The job or a setup step exceeded the runner\'s time limit.',
      suggestedFix: 'Check for a hung step or a slow cache restore; split the job or raise timeout-minutes if the work is legitimate.',
    },
  },
};

export function explain(stage: string, category: string): Explanation {
  const specific = stageOverrides[stage as Stage]?.[category as Category];
  return specific ?? categoryExplanations[category as Category] ?? categoryExplanations.unknown;
}

export function isStage(s: string): s is Stage {
  return (stages as readonly string[]).includes(s);
}

export function isCategory(s: string): s is Category {
  return (categories as readonly string[]).includes(s);
}
