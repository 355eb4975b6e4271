import type { Signal } from './rules/types.js';
import type { Category, Stage } from './taxonomy.js';

/** Tools whose failures always belong to one stage. Names are the `framework` values producers write. */
const TOOL_STAGE: Record<string, Stage> = {};
function tools(stage: Stage, names: string[]): void {
  for (const n of names) TOOL_STAGE[n] = stage;
}
tools('compile', ['tsc', 'typescript', 'javac', 'kotlinc', 'scalac', 'rustc', 'cargo-build', 'go-build', 'go-vet', 'gcc', 'g++', 'clang', 'make', 'cmake', 'msbuild', 'dotnet-build', 'mypy', 'pyright', 'py_compile', 'compileall', 'babel', 'webpack', 'vite', 'esbuild', 'rollup', 'swc', 'maven-compile', 'gradle-compile', 'python-compile']);
tools('lint', ['eslint', 'prettier', 'stylelint', 'markdownlint', 'flake8', 'pylint', 'ruff', 'black', 'isort', 'pycodestyle', 'pyflakes', 'tabnanny', 'gofmt', 'golangci-lint', 'staticcheck', 'rustfmt', 'clippy', 'checkstyle', 'spotless', 'ktlint', 'shellcheck', 'hadolint', 'yamllint', 'cfn-lint', 'actionlint', 'rubocop', 'biome']);
tools('test', ['jest', 'vitest', 'mocha', 'node-test', 'node:test', 'ava', 'tap', 'pytest', 'unittest', 'doctest', 'go-test', 'cargo-test', 'junit', 'surefire', 'testng', 'xunit', 'nunit', 'trx', 'playwright', 'cypress', 'karma', 'jasmine', 'rspec', 'phpunit', 'catch2', 'ctest', 'gotestsum']);
tools('dependency-install', ['npm-install', 'yarn', 'pnpm', 'pip', 'pipenv', 'poetry', 'uv', 'bundler', 'composer', 'cargo-fetch', 'go-mod', 'maven-dependency', 'gradle-dependency', 'nuget']);
tools('docs', ['sphinx', 'docutils', 'mkdocs', 'typedoc', 'jsdoc', 'rustdoc', 'javadoc', 'doxygen', 'docusaurus']);
tools('license', ['license-checker', 'cargo-deny', 'licensee', 'license-finder', 'fossa']);
tools('coverage', ['coverage', 'nyc', 'c8', 'istanbul', 'jacoco', 'codecov', 'coveralls']);
tools('setup', ['git', 'checkout', 'runner', 'actions', 'docker', 'setup']);
tools('deploy', ['npm-publish', 'twine', 'docker-push', 'kubectl', 'helm', 'terraform', 'aws', 'gcloud', 'az', 'serverless', 'vercel', 'netlify', 'firebase', 'flyctl', 'heroku', 'cargo-publish', 'gh-release']);

// Step names as CI systems show them ("Install dependencies", "Run lint", "Deploy to prod").
const STEP_KEYWORDS: Array<[RegExp, Stage]> = [
  [/\b(checkout|set ?up|setup|provision|prepare|cache|runner|container|services?)\b/i, 'setup'],
  [/\b(install|deps|dependencies|bootstrap|restore|npm ci|pip|bundle)\b/i, 'dependency-install'],
  [/\b(lint|format|prettier|eslint|style|fmt|clippy|flake8|ruff|vet)\b/i, 'lint'],
  [/\b(type-?check|tsc|compile|build|typecheck)\b/i, 'compile'],
  [/\b(coverage|codecov)\b/i, 'coverage'],
  [/\b(licen[cs]e)\b/i, 'license'],
  [/\b(docs?|documentation|sphinx|mkdocs|typedoc)\b/i, 'docs'],
  [/\b(deploy|publish|release|push image|upload)\b/i, 'deploy'],
  [/\b(tests?|spec|e2e|integration|unit|pytest|jest|vitest|mocha)\b/i, 'test'],
];

/** Wording that names the stage regardless of the tool (an npm failure during publish is a deploy failure). */
const TEXT_STAGE: Array<[RegExp, Stage]> = [
  [/npm (?:ERR!|error) (?:code E(?:PUBLISHCONFLICT|NEEDAUTH|OTP)|.*\bPUT\b.*\b40[13]\b)|npm (?:ERR!|error) (?:403 )?.*(?:publish|cannot publish)|You cannot publish over|twine upload|docker push|denied: requested access|kubectl|helm upgrade|terraform apply/i, 'deploy'],
  [/npm (?:ERR!|error) (?:code (?:E404|ETARGET|ERESOLVE|EINTEGRITY|ENOVERSIONS)|404|notarget|network)|error Couldn't find package|ERR_PNPM_(?:FETCH|NO_MATCHING|PEER|OUTDATED_LOCKFILE)|No matching distribution found|Could not find a version that satisfies|Collecting \S+|Could not resolve dependencies|Could not resolve all (?:files|dependencies)|go: downloading|failed to select a version for|no matching package named|`npm ci` can only install/, 'dependency-install'],
  [/\bcloning into\b|fatal: (?:could not read|unable to access|couldn't find remote ref|repository)|Cannot connect to the Docker daemon|actions\/checkout|The runner has|runner system failure|exceeded the maximum execution time/i, 'setup'],
  [/coverage threshold|Required test coverage|does not meet (?:"?[\w./*-]+"? )?threshold|Coverage checks have not been met/i, 'coverage'],
  [/\(ERROR\/\d\)|\(SEVERE\/\d\)|\(WARNING\/\d\)|sphinx|docutils|toctree/i, 'docs'],
];

// "build" and "runtime" say little (an npm install, a deploy script and a compiler all print build output): the model decides those.
const KIND_STAGE: Record<string, Stage | undefined> = { test: 'test', typecheck: 'compile', lint: 'lint' };

/**
 * Decides the stage by rule when the evidence is unambiguous; undefined means "ask the model".
 * Order: a rule's own stage, the tool, the wording, the CI step's name, the event kind.
 */
export function ruleStage(s: Signal, category: Category | undefined, ruleStageHint: Stage | undefined): Stage | undefined {
  if (ruleStageHint !== undefined) return ruleStageHint;
  for (const [re, stage] of TEXT_STAGE) if (re.test(s.text)) return stage;
  const tool = TOOL_STAGE[s.framework.toLowerCase()];
  if (tool !== undefined) return tool;
  if (s.step) for (const [re, stage] of STEP_KEYWORDS) if (re.test(s.step)) return stage;
  if (category === 'snapshot-mismatch' || category === 'assertion-failure' || category === 'flaky') return 'test';
  return KIND_STAGE[s.kind];
}
