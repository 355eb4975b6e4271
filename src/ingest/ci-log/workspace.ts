/**
 * The CI workspace a log's absolute paths start with: GitHub Actions, GitLab, Travis, Jenkins, CircleCI,
 * Buildkite, Azure Pipelines, Bitbucket, and container checkouts. Paths under it are the repository's.
 */
const WORKSPACE = /(\/home\/runner\/work\/[^/\s'"]+\/[^/\s'":]+|\/__w\/[^/\s'"]+\/[^/\s'":]+|\/builds\/[^/\s'"]+\/[^/\s'":]+|\/home\/travis\/build\/[^/\s'"]+\/[^/\s'":]+|\/var\/lib\/jenkins\/workspace\/[^/\s'":]+|\/home\/circleci\/project|\/var\/lib\/buildkite-agent\/builds\/[^/\s'"]+\/[^/\s'"]+\/[^/\s'":]+|\/home\/vsts\/work\/\d+\/s|\/opt\/atlassian\/pipelines\/agent\/build|\/github\/workspace|\/workspace\/[^/\s'":]+)(?=\/|\s|$|['":])/;

export function findWorkspace(line: string): string | undefined {
  return WORKSPACE.exec(line)?.[1];
}
