/**
 * Secret-shaped text, by vendor format. Each rule replaces the secret part of a match with
 * `[REDACTED:<kind>]`; rules with a `keep` group keep that part (a variable name, a URL's user)
 * so the redacted text still reads.
 */
export interface SecretPattern {
  kind: string;
  re: RegExp;
  /** Index of the capture group holding the secret; 0 (default) means the whole match. */
  group?: number;
}

export const SECRET_PATTERNS: SecretPattern[] = [
  // PEM private keys (RSA, EC, OPENSSH, ENCRYPTED, PGP...), also cut-off ones with no END line.
  { kind: 'private-key', re: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g },
  { kind: 'anthropic-key', re: /\bsk-ant-[A-Za-z0-9_-]{20,}/g },
  { kind: 'openai-key', re: /\bsk-(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{20,}/g },
  { kind: 'github-token', re: /\b(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{22,255})/g },
  { kind: 'gitlab-token', re: /\bglpat-[A-Za-z0-9_-]{20,}/g },
  { kind: 'aws-access-key-id', re: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g },
  { kind: 'aws-secret-key', re: /\baws_?secret_?access_?key["']?\s*[:=]\s*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi, group: 1 },
  { kind: 'slack-token', re: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { kind: 'stripe-key', re: /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}/g },
  { kind: 'google-api-key', re: /\bAIza[0-9A-Za-z_-]{35}/g },
  { kind: 'npm-token', re: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { kind: 'huggingface-token', re: /\bhf_[A-Za-z0-9]{30,}\b/g },
  { kind: 'sendgrid-key', re: /\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/g },
  { kind: 'jwt', re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  // scheme://user:password@host: only the password goes.
  { kind: 'password', re: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"`]+:([^\s@/'"`]+)@/gi, group: 1 },
  { kind: 'bearer', re: /\b(?:Bearer|Basic|Token)\s+([A-Za-z0-9._~+/-]{16,}=*)/g, group: 1 },
  // password = "literal" (quoted literals only: code such as `password = readPassword()` stays readable).
  {
    kind: 'secret-literal',
    re: /\b[\w-]*(?:password|passwd|secret|api[_-]?key|access[_-]?token|auth[_-]?token|private[_-]?key|client[_-]?secret)[\w-]*["']?\s*[:=]\s*(["'])([^"'\s]{8,})\1/gi,
    group: 2,
  },
  // KEY=value lines (.env, ini, shell): unquoted values of secret-named keys that mix letters and digits.
  {
    kind: 'secret-assignment',
    re: /^\s*(?:export\s+)?[\w.-]*(?:PASSWORD|PASSWD|SECRET|API_?KEY|TOKEN|PRIVATE_?KEY|CREDENTIALS?)[\w.-]*\s*[=:]\s*((?=[^\s'"]*\d)(?=[^\s'"]*[A-Za-z])[^\s'"#]{8,})/gim,
    group: 1,
  },
];

/** Environment variable names whose values are treated as secrets. */
const SECRET_NAME = /(?:^|_)(?:KEY|KEYS|APIKEY|TOKEN|TOKENS|SECRET|SECRETS|PASSWORD|PASSWD|PASS|PASSPHRASE|CREDENTIAL|CREDENTIALS|AUTH|PRIVATE|SESSION|COOKIE|SIGNATURE|DSN|SALT|WEBHOOK)(?:_|$)|DATABASE_URL|CONNECTION_STRING|_URI$/i;
/** Names that match the shape but hold nothing secret. */
const NOT_SECRET_NAMES = new Set(['PWD', 'OLDPWD', 'SSH_AUTH_SOCK', 'GPG_AGENT_INFO', 'KEYTIMEOUT']);

export function looksSecretName(name: string): boolean {
  return !NOT_SECRET_NAMES.has(name.toUpperCase()) && SECRET_NAME.test(name);
}
