import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Local servers that speak the real wire formats (npm registry, PEP 503 simple index, git smart HTTP
 * auth, S3 REST errors), so npm, pip, git and the AWS CLI fail the way they fail against the real
 * services, without touching the network.
 */
export const servers = {
  npm: '',
  pip: '',
  git: '',
  s3: '',
  hang: '',
  /** npm packuments by name; a name that is absent answers 404. */
  packuments: new Map<string, unknown>(),
  /** npm publish answers by package name: status and body. */
  publish: new Map<string, { status: number; body: unknown; headers?: Record<string, string> }>(),
  /** npm names that answer 500. */
  npmBroken: new Set<string>(),
  /** pip simple-index projects: name → file names. */
  pipProjects: new Map<string, string[]>(),
  /** S3 bucket → error code answered. */
  s3Errors: new Map<string, { status: number; code: string; message: string }>(),
};

const open: http.Server[] = [];

function listen(handler: http.RequestListener): Promise<string> {
  const srv = http.createServer(handler);
  open.push(srv);
  return new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(srv.address() as AddressInfo).port}`)));
}

export async function startServers(): Promise<void> {
  servers.npm = await listen((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').slice(1).split('?')[0]!);
    if (req.method === 'PUT') {
      const a = servers.publish.get(name) ?? { status: 403, body: { error: 'You do not have permission to publish "' + name + '". Are you logged in as the correct user?' } };
      req.resume();
      req.on('end', () => {
        res.writeHead(a.status, { 'content-type': 'application/json', ...(a.headers ?? {}) });
        res.end(JSON.stringify(a.body));
      });
      return;
    }
    if (servers.npmBroken.has(name)) {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<html><body>Internal Server Error</body></html>');
      return;
    }
    const p = servers.packuments.get(name);
    if (p === undefined) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'Not found' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(p));
  });
  servers.pip = await listen((req, res) => {
    const m = /^\/simple\/([^/]+)\/?$/.exec(req.url ?? '');
    const files = m ? servers.pipProjects.get(m[1]!.toLowerCase().replace(/[-_.]+/g, '-')) : undefined;
    if (!files) {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><body>Not Found</body></html>');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!DOCTYPE html><html><body>${files.map((f) => `<a href="/files/${f}#sha256=${'0'.repeat(64)}">${f}</a><br/>`).join('')}</body></html>`);
  });
  servers.git = await listen((req, res) => {
    req.resume();
    if ((req.url ?? '').startsWith('/missing/')) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Repository not found.');
      return;
    }
    if ((req.url ?? '').startsWith('/broken/')) {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('Service Unavailable');
      return;
    }
    res.writeHead(401, { 'www-authenticate': 'Basic realm="git"', 'content-type': 'text/plain' });
    res.end('Unauthorized');
  });
  servers.s3 = await listen((req, res) => {
    req.resume();
    const bucket = (req.url ?? '/').split('/')[1]!.split('?')[0]!;
    const e = servers.s3Errors.get(bucket) ?? { status: 403, code: 'AccessDenied', message: 'Access Denied' };
    res.writeHead(e.status, { 'content-type': 'application/xml', 'x-amz-request-id': 'TX' + Math.random().toString(16).slice(2, 14).toUpperCase() });
    res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${e.code}</Code><Message>${e.message}</Message><BucketName>${bucket}</BucketName><RequestId>4442587FB7D0A2F9</RequestId></Error>`);
  });
  // Accepts the request and never answers: the client's own timeout fires.
  servers.hang = await listen(() => {});
}

export async function stopServers(): Promise<void> {
  for (const s of open) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
}
