import type { Template } from '../lib.js';
import { servers } from '../servers.js';
import { envVars } from '../words.js';

const sh = (x: Omit<Template, 'lang'> & { lang?: string }): Template => ({ lang: 'shell', ...x });

// Tools a CI step calls that this machine does not have: the shell says so the way it does on a runner.
const ABSENT: Array<[string, string]> = [
  ['yarn install --frozen-lockfile', 'dependency-install'], ['pnpm install --frozen-lockfile', 'dependency-install'], ['poetry install --no-root', 'dependency-install'], ['bundle install', 'dependency-install'], ['composer install', 'dependency-install'], ['uv sync', 'dependency-install'],
  ['serverless deploy --stage prod', 'deploy'], ['helm upgrade --install app ./chart', 'deploy'], ['vercel deploy --prod', 'deploy'], ['flyctl deploy', 'deploy'], ['pulumi up --yes', 'deploy'], ['netlify deploy --prod', 'deploy'],
  ['shellcheck scripts/*.sh', 'lint'], ['golangci-lint run ./...', 'lint'], ['ruff check .', 'lint'], ['black --check .', 'lint'], ['flake8 src', 'lint'], ['hadolint Dockerfile', 'lint'], ['yamllint .', 'lint'],
  ['mypy src', 'compile'], ['gradle build', 'compile'], ['./gradlew assemble', 'compile'], ['bazel build //...', 'compile'], ['ninja -C build', 'compile'], ['dotnet build', 'compile'], ['sbt compile', 'compile'],
  ['tox -e py311', 'test'], ['nox -s tests', 'test'], ['playwright test', 'test'], ['bats test/', 'test'],
  ['sphinx-build -W docs docs/_build', 'docs'], ['mkdocs build --strict', 'docs'],
];

export const shellTemplates: Template[] = [
  ...(['dependency-install', 'deploy', 'lint', 'compile', 'test', 'docs'] as const).map((stage) =>
    sh({
      id: `sh-command-not-found-${stage}`, tool: 'bash', stage, category: 'dependency-missing', n: 6, expect: /command not found|not found/,
      make: (g) => {
        const cmd = g.pick(ABSENT.filter(([, s]) => s === stage))[0];
        return { files: { 'ci.sh': `#!/usr/bin/env bash\nset -euo pipefail\necho "::group::${cmd.split(' ')[0]}"\n${cmd}\n` }, cmd: g.pick(['bash ci.sh', `bash -e -c ${JSON.stringify(cmd)}`, `sh -c ${JSON.stringify(cmd)}`]) };
      },
    }),
  ),
  sh({
    id: 'sh-not-executable', tool: 'bash', stage: 'test', category: 'permission-denied', n: 10, expect: /Permission denied/,
    make: (g) => {
      const [kind, stage] = g.pick([['build', 'compile'], ['test', 'test'], ['deploy', 'deploy'], ['release', 'deploy'], ['bootstrap', 'dependency-install'], ['check', 'test'], ['lint', 'lint']] as const);
      const f = `scripts/${kind}${g.pick(['', '-' + g.noun()])}.sh`;
      return { files: { [f]: `#!/usr/bin/env bash\necho "${g.noun()}"\n` }, modes: { [f]: 0o644 }, cmd: `./${f}${g.pick(['', ' --ci', ' all'])}`, stage };
    },
  }),
  sh({
    id: 'sh-unbound-variable', tool: 'bash', stage: 'deploy', category: 'environment-variable', n: 12, expect: /unbound variable|parameter null or not set|must be set|not set/,
    make: (g) => {
      const v = g.pick(envVars);
      const line = g.pick([`curl -sS -H "Authorization: Bearer $${v}" https://api.example.invalid/deploy`, `echo "deploying to $${v}"`, `: "\${${v}:?${v} must be set}"`, `export TARGET="$${v}/${g.noun()}"`, `: "\${${v}:?}"`]);
      return { files: { 'deploy.sh': `#!/usr/bin/env bash\nset -euo pipefail\necho "Preparing ${g.noun()} release"\n${line}\n` }, cmd: `env -u ${v} bash deploy.sh` };
    },
  }),
  sh({
    id: 'sh-file-missing', tool: 'bash', stage: 'test', category: 'file-not-found', n: 12, expect: /No such file or directory|cannot stat|can't open|not found/,
    make: (g) => {
      const f = g.pick([`config/${g.noun()}.env`, `.env.${g.pick(['ci', 'test', 'local'])}`, `dist/${g.noun()}.js`, `build/${g.noun()}.tar.gz`, `fixtures/${g.noun()}.sql`]);
      const line = g.pick([`cat ${f}`, `source ${f}`, `cp ${f} /tmp/`, `tar -xzf ${f}`, `psql -f ${f} 2>/dev/null || cat ${f}`, `. ./${f}`, `wc -l < ${f}`]);
      return { files: { 'run.sh': `#!/usr/bin/env bash\nset -e\necho "step: ${g.noun()}"\n${line}\n` }, cmd: 'bash run.sh' };
    },
  }),
  sh({ id: 'sh-timeout', tool: 'timeout', stage: 'test', category: 'timeout', n: 8, expect: /sending signal|timed out/, make: (g) => ({ files: { 'wait.sh': `#!/usr/bin/env bash\nfor i in $(seq 1 20); do echo "waiting for ${g.pick(['postgres', 'redis', 'the api', 'selenium', 'kafka'])} ($i)"; sleep 1; done\n` }, cmd: `timeout --verbose ${g.int(1, 3)} bash wait.sh` }) }),
  sh({ id: 'make-recipe-failed', tool: 'make', stage: 'test', category: 'assertion-failure', n: 6, expect: /Error 1|\*\*\*/, make: (g) => { const a = g.int(1, 9), b = a + g.int(1, 9); return { files: { Makefile: `check:\n\t@echo "checking ${g.noun()} output"\n\ttest "$$(echo ${a})" = "${b}" || (echo "expected ${b}, got ${a}" && exit 1)\n` }, cmd: 'make check' }; } }),

  // git against local servers: auth failures, unreachable hosts, bad refs.
  sh({ id: 'git-clone-auth', tool: 'git', stage: 'setup', category: 'permission-denied', n: 8, expect: /could not read Username|Authentication failed|terminal prompts disabled/, make: (g) => ({ files: {}, cmd: `git clone ${servers.git}/${g.noun()}/${g.noun()}.git`, env: { GIT_TERMINAL_PROMPT: '0' } }) }),
  sh({ id: 'git-clone-unreachable', tool: 'git', stage: 'setup', category: 'network-timeout', n: 10, expect: /unable to access|Could not resolve host|Failed to connect|returned error: 503/, make: (g) => ({ files: {}, cmd: `git clone ${g.pick([`http://127.0.0.1:${g.pick([1, 9])}/${g.noun()}/${g.noun()}.git`, `https://git.${g.noun()}.invalid/${g.noun()}/${g.noun()}.git`, `${servers.git}/broken/${g.noun()}.git`])}`, env: { GIT_TERMINAL_PROMPT: '0' } }) }),
  sh({
    id: 'git-bad-ref', tool: 'git', stage: 'setup', category: 'configuration-error', n: 10, expect: /did not match|couldn't find remote ref|unknown revision|not a valid|invalid reference/,
    make: (g) => {
      const b = `${g.pick(['feature', 'release', 'fix', 'hotfix'])}/${g.noun()}-${g.int(1, 999)}`;
      const act = g.pick([`git checkout ${b}`, `git fetch origin ${b}`, `git rev-parse --verify ${b}^{commit}`, `git switch ${b}`, `git worktree add ../wt ${b}`]);
      return { files: {}, cmd: `git init -q origin && git -C origin commit -q --allow-empty -m init && git clone -q origin work && cd work && ${act}`, env: { GIT_AUTHOR_NAME: 'ci', GIT_AUTHOR_EMAIL: 'ci@example.com', GIT_COMMITTER_NAME: 'ci', GIT_COMMITTER_EMAIL: 'ci@example.com' } };
    },
  }),

  // Deploy steps against a local S3-compatible endpoint and without credentials.
  sh({
    id: 'aws-s3-denied', tool: 'aws', stage: 'deploy', category: 'permission-denied', n: 8, expect: /AccessDenied|InvalidAccessKeyId|SignatureDoesNotMatch|Forbidden/,
    make: (g) => {
      const bucket = `${g.noun()}-${g.pick(['assets', 'releases', 'static', 'artifacts'])}`;
      const code = g.pick([{ status: 403, code: 'AccessDenied', message: 'Access Denied' }, { status: 403, code: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist in our records.' }, { status: 403, code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided.' }]);
      servers.s3Errors.set(bucket, code);
      return { files: { 'dist/index.html': '<html></html>\n' }, cmd: `aws --endpoint-url ${servers.s3} s3 ${g.pick(['cp dist/index.html', 'sync dist'])} s3://${bucket}/${g.pick(['', 'v' + g.int(1, 9) + '/'])}`, env: { AWS_ACCESS_KEY_ID: 'AKIA' + String(g.int(1e9, 9e9)), AWS_SECRET_ACCESS_KEY: 'x'.repeat(40), AWS_DEFAULT_REGION: 'us-east-1' } };
    },
  }),
  sh({ id: 'aws-no-credentials', tool: 'aws', stage: 'deploy', category: 'permission-denied', n: 6, expect: /Unable to locate credentials/, make: (g) => ({ files: { 'dist/app.js': '1;\n' }, cmd: `aws --endpoint-url ${servers.s3} s3 cp dist/app.js s3://${g.noun()}-${g.noun()}/`, env: { AWS_DEFAULT_REGION: 'eu-west-1', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', AWS_EC2_METADATA_DISABLED: 'true' } }) }),
  sh({
    id: 'aws-no-bucket', tool: 'aws', stage: 'deploy', category: 'configuration-error', n: 6, expect: /NoSuchBucket/, cause: /An error occurred/,
    make: (g) => {
      const bucket = `${g.noun()}-${g.noun()}-${g.pick(['prod', 'staging', 'dev'])}`;
      servers.s3Errors.set(bucket, { status: 404, code: 'NoSuchBucket', message: 'The specified bucket does not exist' });
      return { files: { 'dist/a.txt': 'x\n' }, cmd: `aws --endpoint-url ${servers.s3} s3 cp dist/a.txt s3://${bucket}/a.txt`, env: { AWS_ACCESS_KEY_ID: 'AKIA1234567890', AWS_SECRET_ACCESS_KEY: 'y'.repeat(40), AWS_DEFAULT_REGION: 'us-west-2' } };
    },
  }),
  sh({ id: 'curl-upload-denied', tool: 'curl', stage: 'deploy', category: 'permission-denied', n: 6, expect: /returned error: 40[13]|403/, make: (g) => ({ files: { 'build.zip': 'PK\n' }, cmd: `curl --fail -sS -T build.zip ${servers.s3}/${g.noun()}-uploads/build-${g.int(1, 999)}.zip` }) }),
  sh({ id: 'curl-unreachable', tool: 'curl', stage: 'deploy', category: 'network-timeout', n: 8, expect: /curl: \((6|7|28)\)/, make: (g) => ({ files: {}, cmd: `curl --fail -sS --max-time 1 ${g.pick([`http://127.0.0.1:${g.pick([1, 9])}/hooks/${g.noun()}`, `https://${g.noun()}.${g.noun()}.invalid/api/deploy`, `${servers.hang}/health`])}` }) }),

  // No Docker daemon on the runner.
  sh({ id: 'docker-no-daemon', tool: 'docker', stage: 'setup', category: 'network-timeout', n: 6, expect: /Cannot connect to the Docker daemon|docker daemon/, make: (g) => ({ files: { Dockerfile: 'FROM node:20-alpine\nCOPY . .\n' }, cmd: g.pick([`docker build -t ${g.noun()}:latest .`, `docker pull ${g.pick(['postgres:15', 'redis:7', 'node:20-alpine', 'python:3.11-slim'])}`, `docker run --rm ${g.noun()}:ci npm test`, 'docker ps']) }) }),
];
