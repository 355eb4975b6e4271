import { pattern } from './define.js';
import type { Rule } from './types.js';

/** Package managers' messages that carry no code (yarn classic, older npm, bundler, composer). */
export const packageRules: Rule[] = [
  pattern('npm:missing-script', 'configuration-error', ['missing script', 'no script', 'command "', 'no such script'], /Missing script: |npm ERR! missing script|error Command "[\w:-]+" not found|no such script/i),
  pattern('pm:not-found', 'dependency-missing', ['404', "couldn't find package", 'not found', 'no matching version', 'unable to resolve dependency tree', 'could not resolve dependency', 'peer dep'], /npm (?:ERR!|error) 404|error Couldn't find (?:package|any versions)|\b404 Not Found - GET|No matching version found for|unable to resolve dependency tree|Could not resolve dependency|conflicting peer dependency/i),
  pattern('pm:lockfile', 'configuration-error', ['lockfile', 'package-lock', 'frozen', 'yarn.lock'], /lockfile (?:needs to be updated|is not up to date|would have been (?:created|modified))|frozen[- ]lockfile|`npm ci` can only install packages when your package\.json and package-lock\.json|package-lock\.json.*(?:missing|out of sync|not in sync)|Your lockfile needs to be updated/i),
  pattern('pm:json', 'configuration-error', ['failed to parse json', 'json.parse', 'unexpected token', 'eparse'], /Failed to parse JSON|(?:package|tsconfig|composer)\.json.*(?:Unexpected token|JSON\.parse)|EJSONPARSE/i),
];

/** Gates: coverage thresholds and licence policy. */
export const gateRules: Rule[] = [
  pattern('coverage:threshold', 'policy-violation', ['coverage', 'threshold'], /coverage threshold for \w+ \(\d+(?:\.\d+)?%\) not met|Coverage for \w+ \([\d.]+%\) does not meet (?:"?[\w./*-]+"? )?threshold|Required test coverage of [\d.]+% not reached|coverage .{0,40}(?:is )?(?:below|under|less than) (?:the )?(?:required |minimum )?(?:threshold|minimum)|Coverage checks have not been met|coverage decreased .* below|fail[_-]under/i, 'coverage'),
  pattern('license:policy', 'policy-violation', ['licen'], /(?:incompatible|disallowed|unapproved|denied|forbidden|rejected|not allowed|unacceptable) licen[cs]es?|licen[cs]es? (?:[\w.-]+ )?(?:is |are )?(?:not (?:allowed|permitted|in the allow ?list)|rejected|denied)|failed licen[cs]e check|licen[cs]e-checker|cargo-deny.*licen[cs]e|licensee/i, 'license'),
];

/** Linters and formatters whose failure output is recognisable by its wording. */
export const lintRules: Rule[] = [
  pattern('lint:parse', 'syntax', ['parsing error', 'parse error', 'cannot parse', 'error: cannot format'], /Parsing error: |\[error\] .*SyntaxError|error: cannot format .*Cannot parse|Parse error: /i),
  pattern('format:check', 'style', ['code style issues', 'would reformat', 'would be reformatted', 'diff in', 'gofmt', 'formatting', 'prettier', 'not formatted', 'files were modified by this hook', 'imports are incorrectly sorted'], /Code style issues found|would reformat|would be reformatted|^Diff in |gofmt -[dl]|needs formatting|not (?:properly )?formatted|Run Prettier|files were modified by this hook|Imports are incorrectly sorted/im, 'lint'),
  pattern('lint:problems', 'style', ['problem', 'warning', 'violation', 'lint'], /✖ \d+ problems? \(\d+ errors?|\d+ (?:errors?|warnings?|problems?) (?:found|reported)|Found \d+ errors?\.?$|golangci-lint|lint(?:er|ing)? (?:failed|errors?)/im, 'lint'),
];

/** Documentation builders. */
export const docsRules: Rule[] = [
  pattern('docs:unknown-target', 'undefined-name', ['unknown target name', 'undefined label', 'unknown interpreted text role', 'reference target not found', 'unknown document'], /Unknown target name|undefined label: |Unknown interpreted text role|reference target not found|unknown document: /i, 'docs'),
  pattern('docs:directive', 'syntax', ['unknown directive type', 'title underline too short', 'inline emphasis start-string', 'malformed table', 'unexpected indentation', 'explicit markup ends without a blank line', 'block quote ends without a blank line'], /Unknown directive type|Title underline too short|Inline (?:emphasis|strong|literal|interpreted text).* start-string without end-string|Malformed table|Unexpected indentation|(?:Explicit markup|Block quote|Bullet list|Definition list) ends without a blank line/i, 'docs'),
  pattern('docs:missing-file', 'file-not-found', ['toctree contains reference to nonexisting document', 'contains a link', 'broken link', 'image file not readable'], /toctree contains reference to nonexisting document|contains a link .* (?:not found|which is not found)|broken link|image file not readable/i, 'docs'),
];

/** The shell: a missing command, a non-executable file, an exit code that names its cause. */
export const shellRules: Rule[] = [
  pattern('sh:command-not-found', 'dependency-missing', ['command not found', 'not found', 'is not recognized as an internal or external command', 'executable file not found'], /: command not found|^(?:\/bin\/)?(?:ba|z|da)?sh: (?:\d+: |line \d+: )?[\w./-]+: not found|is not recognized as an internal or external command|executable file not found in \$PATH/m),
  pattern('sh:exit-127', 'dependency-missing', ['127'], /exit(?:ed with)? (?:code|status):? 127\b|exited with 127\b/i),
  pattern('sh:exit-126', 'permission-denied', ['126'], /exit(?:ed with)? (?:code|status):? 126\b|exited with 126\b/i),
  pattern('sh:segfault', 'runtime-error', ['segmentation fault', 'sigsegv', 'core dumped', 'sigabrt', 'exit code 139', 'exit code 134'], /Segmentation fault|SIGSEGV|core dumped|SIGABRT|exit code:? 13[49]\b/i),
  pattern('sh:killed', 'out-of-memory', ['137', 'killed', 'sigkill'], /exit(?:ed with)? (?:code|status):? 137\b|exited with 137\b|signal: killed|\bSIGKILL\b|^Killed$/im),
  // Not the bare word "timeout": it is in option names, variables and stack frames (setTimeout, listOnTimeout).
  pattern('sh:timeout', 'timeout', ['124', 'timed out', 'was canceled', 'was cancelled', 'sending signal'], /exit(?:ed with)? (?:code|status):? 124\b|\btimed out\b|The operation was cancell?ed|timeout: sending signal/i),
];
