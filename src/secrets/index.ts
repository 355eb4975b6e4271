export { childEnv, pickEnv } from './env.js';
export { Redactor, redactDeep, MIN_SECRET_LENGTH } from './redact.js';
export { redact, registerSecrets, loadRepoSecrets, secretRedactor, resetSecrets } from './registry.js';
export { looksSecretName, SECRET_PATTERNS, type SecretPattern } from './patterns.js';
export { dotenvSecrets, looksLikeCredential, DEFAULT_ENV_FILES } from './dotenv.js';
export { secretsConfigSchema, type SecretsConfig } from './config.js';
export { redactForReport } from './report.js';
export { redactFile, redactTree } from './file.js';
