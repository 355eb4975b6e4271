/**
 * The environment handed to child processes (test commands, linters, agents). Secrets never leave:
 * only allowlisted variables pass. This is the single place every stage builds a child env from.
 * (The model-backed fixers' work extends the allowlist from suture.yml and adds redaction.)
 */
const BASE_ALLOW = [
  'PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TERM', 'TZ', 'TMPDIR', 'TEMP', 'TMP',
  'CI', 'NODE_OPTIONS', 'NODE_PATH', 'NODE_ENV', 'npm_config_cache', 'PYTHONPATH', 'VIRTUAL_ENV', 'GOPATH', 'GOROOT',
  'GOCACHE', 'GOFLAGS', 'GOPROXY', 'GOMODCACHE', 'CARGO_HOME', 'RUSTUP_HOME', 'JAVA_HOME', 'MAVEN_OPTS', 'GRADLE_USER_HOME',
  'PYENV_ROOT', 'PYENV_VERSION', 'DISPLAY', 'XDG_CACHE_HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'SYSTEMROOT', 'COMSPEC',
  'GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL', 'FORCE_COLOR', 'NO_COLOR',
];

export function childEnv(extra: Record<string, string> = {}, allow: string[] = [], source: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const k of [...BASE_ALLOW, ...allow]) if (source[k] !== undefined) out[k] = source[k];
  return { ...out, ...extra };
}

/** The named variables of `source` that are set (for a child that needs, say, its own API key). */
export function pickEnv(names: string[], source: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) if (source[n] !== undefined) out[n] = source[n]!;
  return out;
}
