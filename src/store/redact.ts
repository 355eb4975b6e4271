/**
 * Hides the password (and any `password=` query parameter) in a database URL so it can be printed.
 * Falls back to masking anything between "://user:" and "@" when the URL does not parse.
 */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '****';
    for (const key of [...u.searchParams.keys()]) if (/pass|secret|token/i.test(key)) u.searchParams.set(key, '****');
    return u.toString();
  } catch {
    return url.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1****@').replace(/(password=)[^&\s]*/gi, '$1****');
  }
}

/** Removes every occurrence of a secret from free text (driver messages sometimes echo parts of the URL). */
export function scrubSecret(text: string, url: string | undefined): string {
  if (!url) return text;
  let out = text.split(url).join(redactUrl(url));
  try {
    const pw = decodeURIComponent(new URL(url).password);
    if (pw.length >= 3) out = out.split(pw).join('****');
  } catch {
    /* unparsable URL: nothing more to scrub */
  }
  return out;
}
