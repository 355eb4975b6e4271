import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIT_ENV, makeRepo, type TempRepo } from '../../src/heal/testing/temp-repo.js';
import { startFakeModelServer, type FakeModelServer } from '../fakes/model-server.js';
import { runCli } from './run-cli.js';

const AGENT = new URL('../fakes/scripted-agent.mjs', import.meta.url).pathname;

// Secrets planted in the environment, a dotenv file, committed source and the test output: none may
// reach the model server, and none may appear in anything suture writes or prints.
const P = {
  env: 'planted-deploy-token-Q7w8E9r0',
  dotenv: 'whsec_PlantedDotenv4k9Lm2Nq',
  aws: 'AKIA' + 'PLANTEDKEY123456',
  github: 'ghp' + '_' + 'PlantedGithubTokenAbCdEf0123456789xyz',
  jwt: 'eyJhbGciOiJIUzI1NiJ9' + '.eyJzdWIiOiJwbGFudGVkIn0' + '.PlantedSignatureXyZ0123456789abc',
  pem: 'MIIEpAIBAAKCAQEAplantedPrivateKeyMaterial0123456789',
  dbPassword: 'PlantedDbPass-771',
  openaiKey: 'fake-openai-key-for-secrets-e2e',
};

let server: FakeModelServer;
let repo: TempRepo;
let cli: { code: number | null; stdout: string; stderr: string };
let agentDir: string;

beforeAll(async () => {
  server = await startFakeModelServer();
  repo = makeRepo(
    {
      'package.json': '{ "name": "shop", "type": "module", "scripts": { "test": "vitest run" } }\n',
      'src/cart.ts': 'export function total(prices: number[]): number {\n  return prices.reduce((a, b) => a + b, 0) - 1;\n}\n',
      'src/settings.ts': `export const signing = '${P.dotenv}';\nexport const db = 'postgres://shop:${P.dbPassword}@db.internal:5432/shop';\n`,
      'src/cloud.ts': `export const awsKeyId = '${P.aws}';\nexport const key = \`-----BEGIN RSA PRIVATE KEY-----\n${P.pem}\n-----END RSA PRIVATE KEY-----\`;\n`,
      'src/cart.test.ts': [
        "import { expect, test } from 'vitest';",
        "import { total } from './cart';",
        "import { signing, db } from './settings';",
        "import { awsKeyId, key } from './cloud';",
        `const gh = '${P.github}';`,
        `const jwt = '${P.jwt}';`,
        "test('total adds the prices', () => {",
        "  console.log('debug', process.env.DEPLOY_TOKEN, signing, db, awsKeyId, key, gh, jwt);",
        '  expect(total([1, 2]), `deploy=${process.env.DEPLOY_TOKEN} signing=${signing} db=${db} aws=${awsKeyId} gh=${gh} jwt=${jwt} key=${key}`).toBe(3);',
        '});',
        '',
      ].join('\n'),
      'src/greet.ts': "export const greet = (name: string): string => `Hello ${name}`;\n",
      'src/greet.test.ts': [
        "import { expect, test } from 'vitest';",
        "import { greet } from './greet';",
        "import { awsKeyId } from './cloud';",
        `const jwt = '${P.jwt}';`,
        "test('greets politely', () => {",
        '  expect(greet(`Ann ${awsKeyId} ${jwt} ${process.env.DEPLOY_TOKEN}`)).toBe(`Good day, Ann`);',
        '});',
        '',
      ].join('\n'),
      'suture.yml': '',
    },
    { nodeModules: true, gitignore: 'node_modules\n.env\n.suture/\n' },
  );
  repo.write('.env', `STRIPE_SIGNING=${P.dotenv}\n`);
  repo.write('suture.yml', `llm:\n  providers:\n    openai: { base_url: "${server.url}/v1", api_key_env: SHOP_OPENAI_KEY }\n`);
  repo.git('add', 'suture.yml');
  repo.git('commit', '-q', '-m', 'config');
  // The cart cluster gets a fix; the greeting cluster an "unfixable" (so it is escalated with a task file).
  const fix = { reply: 'Off by one.\n\nsrc/cart.ts\n<<<<<<< SEARCH\n  return prices.reduce((a, b) => a + b, 0) - 1;\n=======\n  return prices.reduce((a, b) => a + b, 0);\n>>>>>>> REPLACE\n' };
  const pick = (req: { body: string }) => (req.body.includes('total adds the prices') ? fix : { reply: 'UNFIXABLE: the expected greeting is a product decision' });
  server.script(pick, pick);
  // After the model's "unfixable", the agent command gets the greeting cluster: it records what it was given.
  agentDir = mkdtempSync(path.join(os.tmpdir(), 'suture-secrets-agent-'));
  writeFileSync(path.join(agentDir, 'plan.json'), JSON.stringify({ record: path.join(agentDir, 'record'), steps: [{ output: 'UNFIXABLE: not my call' }] }));
  cli = await runCli(['heal', repo.root, '--provider', 'openai', '--agent-command', `node ${AGENT} --plan ${path.join(agentDir, 'plan.json')}`], {
    env: { ...GIT_ENV, DEPLOY_TOKEN: P.env, SHOP_OPENAI_KEY: P.openaiKey },
    timeoutMs: 170_000,
  });
}, 180_000);

afterAll(async () => {
  await server.close();
  repo?.cleanup();
  if (agentDir) rmSync(agentDir, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const abs = path.join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...filesUnder(abs));
    else out.push(abs);
  }
  return out;
}

describe('planted secrets', () => {
  it('the run healed the cluster through the model (so the secrets really went through every stage)', () => {
    expect(cli.stderr + cli.stdout).toMatch(/healed|proposed/);
    expect(server.requests).toHaveLength(2);
    // The failing test's output did reach the prompt, redacted.
    const body = server.requests.find((r) => r.body.includes('total adds the prices'))!.body;
    expect(body).toContain('signing=[REDACTED:dotenv]');
    expect(body).toContain('deploy=undefined');
  });

  it.each(Object.entries(P))('%s appears in no request body', (_name, secret) => {
    for (const r of server.requests) {
      expect(r.body).not.toContain(secret);
      expect(JSON.stringify(r.headers)).not.toContain(secret === P.openaiKey ? '\0' : secret);
    }
  });

  it.each(Object.entries(P))('%s reaches the agent neither in its files nor in its environment', (_name, secret) => {
    const record = filesUnder(path.join(agentDir, 'record'));
    expect(record.map((f) => path.basename(f)).sort()).toEqual(['argv.json', 'cwd.txt', 'env.json', 'prompt.md', 'stdin.txt', 'task.yaml']);
    expect(readFileSync(record.find((f) => f.endsWith('prompt.md'))!, 'utf8')).toContain('greets politely');
    for (const f of record) expect(readFileSync(f, 'utf8'), f).not.toContain(secret);
  });

  it.each(Object.entries(P))('%s appears in no report, log or terminal output', (_name, secret) => {
    const written = filesUnder(path.join(repo.root, '.suture')).filter((f) => !f.endsWith('.db') && !f.includes('.db-'));
    // Reports of both kinds were written: the healed cluster's patch and the escalated one's task file.
    expect(written.some((f) => f.includes(`${path.sep}tasks${path.sep}`))).toBe(true);
    expect(written.some((f) => f.endsWith('.patch'))).toBe(true);
    for (const f of written) expect(readFileSync(f, 'utf8'), f).not.toContain(secret);
    expect(cli.stdout).not.toContain(secret);
    expect(cli.stderr).not.toContain(secret);
  });
});
