/**
 * The CI workspace a log's absolute paths start with: GitHub Actions, GitLab, Travis, Jenkins, CircleCI,
 * Buildkite, Azure Pipelines, Bitbucket, and container checkouts. Paths under it are the repository's.
 */
// A path segment that does not swallow the sentence's punctuation after it.
const SEG = String.raw`[^/\s'"\x60:]*[^/\s'"\x60:.,;)]`;
const ROOTS = [
  String.raw`\/home\/runner\/work\/${SEG}\/${SEG}`,
  String.raw`\/__w\/${SEG}\/${SEG}`,
  String.raw`\/builds\/${SEG}\/${SEG}`,
  String.raw`\/home\/travis\/build\/${SEG}\/${SEG}`,
  String.raw`\/var\/lib\/jenkins\/workspace\/${SEG}`,
  String.raw`\/home\/circleci\/project`,
  String.raw`\/var\/lib\/buildkite-agent\/builds\/${SEG}\/${SEG}\/${SEG}`,
  String.raw`\/home\/vsts\/work\/\d+\/s`,
  String.raw`\/opt\/atlassian\/pipelines\/agent\/build`,
  String.raw`\/github\/workspace`,
  String.raw`\/workspace\/${SEG}`,
].join('|');
const END = String.raw`(?=\/|\s|$|['"\x60:.,;)])`;
const WORKSPACE = new RegExp(`(${ROOTS})${END}`);
const WORKSPACE_ALL = new RegExp(`(?:${ROOTS})${END}`, 'g');

export function findWorkspace(line: string): string | undefined {
  return WORKSPACE.exec(line)?.[1];
}

/** Replaces every CI workspace root in a text by "." (so "/builds/g/app/src/x.ts" reads "./src/x.ts"). */
export function stripWorkspaces(text: string): string {
  return text.indexOf('/') === -1 ? text : text.replace(WORKSPACE_ALL, '.');
}
