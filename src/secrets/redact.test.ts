import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dotenvSecrets, looksLikeCredential } from './dotenv.js';
import { looksSecretName } from './patterns.js';
import { Redactor, redactDeep } from './redact.js';

// Built by concatenation so no scanner mistakes the test data for a leaked credential.
const planted = {
  anthropic: 'sk-ant-' + 'api03-' + 'Zq8vB2nL4kR7tY1wX9cE5mP3sD6fG0hJ-AbCdEf',
  openai: 'sk-' + 'proj-' + 'Tq3Lm9Vx2Bn7Kc4Rz8Wy1Hs6Pd0Fg5Ja',
  github: 'ghp' + '_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8',
  githubPat: 'github_pat_' + '11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQR',
  awsId: 'AKIA' + 'IOSFODNN7EXAMPLE',
  awsSecret: 'wJalrXUtnFEMI/K7MDENG/' + 'bPxRfiCYEXAMPLEKEY',
  jwt: 'eyJhbGciOiJIUzI1NiJ9' + '.eyJzdWIiOiIxMjM0NTY3ODkwIn0' + '.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  slack: 'xoxb-' + '1234567890-abcdefghijkl',
  stripe: 'sk_live_' + '51HxYzAbCdEfGhIjKlMnOp',
  google: 'AIza' + 'SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q',
};
const PEM = ['-----BEGIN RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM2Lsxk', 'q9ZbV0aX2c4p8n1Q==', '-----END RSA PRIVATE KEY-----'].join('\n');

describe('Redactor patterns', () => {
  const r = new Redactor();

  it.each(Object.entries(planted))('removes a planted %s wherever it appears', (_kind, secret) => {
    const text = `Error: request failed with key=${secret} (see "${secret}")\n  at call (src/api.ts:3:9)`;
    const out = r.redact(`aws_secret_access_key = ${planted.awsSecret}\n${text}`);
    expect(out).not.toContain(secret);
    expect(out).toContain('[REDACTED:');
    expect(out).toContain('at call (src/api.ts:3:9)');
  });

  it('removes private key blocks, also when cut off before the END line', () => {
    expect(r.redact(`key:\n${PEM}\ndone`)).toBe('key:\n[REDACTED:private-key]\ndone');
    const cut = r.redact(PEM.split('\n').slice(0, 2).join('\n'));
    expect(cut).toBe('[REDACTED:private-key]');
  });

  it('keeps the readable part of connection strings and bearer headers', () => {
    expect(r.redact('DATABASE connect postgres://app:s3cr3t-Pa55@db.internal:5432/app failed')).toBe(
      'DATABASE connect postgres://app:[REDACTED:password]@db.internal:5432/app failed',
    );
    expect(r.redact('Authorization: Bearer abcdefghijklmnop0123456789')).toBe('Authorization: Bearer [REDACTED:bearer]');
    expect(r.redact('const password = "hunter2hunter2";')).toBe('const password = "[REDACTED:secret-literal]";');
    expect(r.redact('API_TOKEN=abc123def456ghi')).toBe('API_TOKEN=[REDACTED:secret-assignment]');
  });

  it('leaves ordinary code and test output alone', () => {
    const code = [
      'const password = readPassword(process.env.DB_PASSWORD);',
      'export function tokenize(input: string) { return input.split(" "); }',
      'expect(finalPrice(100, 10, 20)).toBe(70)',
      'AssertionError: expected 72 to be 70 // Object.is equality',
      'https://example.com/docs/api-key-setup',
      'const secretCount = 3;',
    ].join('\n');
    expect(r.redact(code)).toBe(code);
  });
});

describe('Redactor values', () => {
  it('redacts values of secret-named environment variables, never short or non-secret ones', () => {
    const r = new Redactor().addEnv({ MY_SERVICE_TOKEN: 'tok-value-1234567', DB_PASSWORD: 'correct horse battery', PWD: '/work/main', HOME: '/root', SHORT_KEY: 'abc' });
    expect(r.redact('got tok-value-1234567 and correct horse battery in /work/main')).toBe(
      'got [REDACTED:env:MY_SERVICE_TOKEN] and [REDACTED:env:DB_PASSWORD] in /work/main',
    );
    expect(r.redact('abc')).toBe('abc');
  });

  it('replaces the longest value first', () => {
    const r = new Redactor().addValues(['secret-value-1', 'secret-value-12345'], 'x');
    expect(r.redact('secret-value-12345')).toBe('[REDACTED:x]');
  });

  it('redacts strings inside objects', () => {
    const r = new Redactor().addValues(['planted-value-99'], 'x');
    expect(redactDeep({ a: ['planted-value-99'], b: { c: 'ok planted-value-99' }, n: 3 }, (s) => r.redact(s))).toEqual({ a: ['[REDACTED:x]'], b: { c: 'ok [REDACTED:x]' }, n: 3 });
  });
});

describe('secret names and dotenv files', () => {
  it.each([
    ['ANTHROPIC_API_KEY', true],
    ['GITHUB_TOKEN', true],
    ['DATABASE_URL', true],
    ['AWS_SECRET_ACCESS_KEY', true],
    ['STRIPE_WEBHOOK_SECRET', true],
    ['PWD', false],
    ['KEYBOARD_LAYOUT', false],
    ['NODE_ENV', false],
    ['PATH', false],
  ])('%s looks secret: %s', (name, expected) => expect(looksSecretName(name)).toBe(expected));

  it('tells credentials from settings', () => {
    expect(looksLikeCredential('whsec_9fK2mQ7xLp4Rt8Vz')).toBe(true);
    expect(looksLikeCredential('development')).toBe(false);
    expect(looksLikeCredential('http://localhost:3000')).toBe(false);
    expect(looksLikeCredential('3000')).toBe(false);
  });

  it('reads secret values from the repository dotenv files, skipping node_modules', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'suture-dotenv-'));
    try {
      await writeFile(path.join(dir, '.env'), 'PORT=3000\nNODE_ENV=development\nSESSION_KEY=plain-but-named-secret\nWEBHOOK_SIGNING=whsec_9fK2mQ7xLp4Rt8Vz\n');
      await mkdir(path.join(dir, 'api'));
      await writeFile(path.join(dir, 'api', '.env.local'), 'export DB_PASS="nested pass phrase"\n');
      await mkdir(path.join(dir, 'node_modules', 'x'), { recursive: true });
      await writeFile(path.join(dir, 'node_modules', 'x', '.env'), 'API_KEY=from-a-dependency-1234\n');
      const { values, files } = await dotenvSecrets(dir);
      expect(values.sort()).toEqual(['nested pass phrase', 'plain-but-named-secret', 'whsec_9fK2mQ7xLp4Rt8Vz']);
      expect(files.map((f) => path.relative(dir, f)).sort()).toEqual(['.env', path.join('api', '.env.local')]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
