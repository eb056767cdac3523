// The HTTP side of `qantar review` (node:http, no framework): listens on 127.0.0.1 only, answers only
// requests addressed to that host (a guard against DNS rebinding), serves the page's static files
// and a JSON API. A request that changes anything must carry the session token in a header, come from
// the page's own origin and send JSON — a form or script on another site can do none of these.
import { timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { UsageError } from '../lib/diagnostics.ts';

export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly code = 'error') {
    super(message);
  }
}

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  handle(query: URLSearchParams, body: unknown): unknown;
}

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

const JS = 'text/javascript; charset=utf-8';
/** The page: static/index.html, its style sheet and its script modules (nothing else is served as a file). */
const ASSETS: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
  ...Object.fromEntries(['app', 'dom', 'net', 'hits', 'sentences', 'numbers'].map((m) => [`/${m}.js`, { file: `${m}.js`, type: JS }])),
};

const MAX_BODY = 64 * 1024;

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new HttpError(413, 'request body too large'));
      else chunks.push(c);
    });
    req.on('error', reject);
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new HttpError(400, 'the request body is not JSON'));
      }
    });
  });
}

function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

/** Reject what a page on another site, or a rebound DNS name, could send. */
function checkRequest(req: IncomingMessage, port: number, token: string, method: string): void {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!hosts.includes(req.headers.host ?? '')) throw new HttpError(421, `this server answers only http://127.0.0.1:${port}/`);
  if (req.headers['sec-fetch-site'] === 'cross-site') throw new HttpError(403, 'cross-site requests are refused');
  if (method !== 'POST') return;
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`)) throw new HttpError(403, `requests from ${origin} are refused`);
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(415, 'expected a JSON body');
  if (!sameToken(req.headers['x-qantar-token'], token)) throw new HttpError(403, 'the session token is missing or out of date (the server was restarted); reload the page', 'bad-token');
}

export function createHandler(routes: readonly Route[], token: string, portOf: () => number, staticDir: URL) {
  const assets = new Map(Object.entries(ASSETS).map(([p, a]) => [p, { type: a.type, body: readFileSync(new URL(a.file, staticDir)) }]));
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    try {
      checkRequest(req, portOf(), token, method);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const asset = method === 'GET' ? assets.get(url.pathname) : undefined;
      if (asset) return send(res, 200, asset.type, asset.body);
      const route = routes.find((r) => r.path === url.pathname && r.method === method);
      if (!route) throw new HttpError(routes.some((r) => r.path === url.pathname) ? 405 : 404, `no ${method} ${url.pathname}`);
      const body = method === 'POST' ? await readBody(req) : undefined;
      sendJson(res, 200, await route.handle(url.searchParams, body));
    } catch (e) {
      if (e instanceof HttpError) return sendJson(res, e.status, { error: e.message, code: e.code });
      sendJson(res, 500, { error: `internal error — a bug in qantar review: ${(e as Error)?.message ?? String(e)}`, code: 'internal' });
    }
  };
}

/** Listen on 127.0.0.1: on `port`, or (undefined) on `preferred` when free, else on any free port. */
export async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void, port: number | undefined, preferred: number): Promise<{ server: Server; port: number }> {
  const attempt = (p: number) => new Promise<{ server: Server; port: number }>((resolve, reject) => {
    const server = createServer(handler);
    server.once('error', reject);
    server.listen(p, '127.0.0.1', () => {
      server.off('error', reject);
      const addr = server.address();
      resolve({ server, port: typeof addr === 'object' && addr ? addr.port : p });
    });
  });
  if (port !== undefined) {
    try {
      return await attempt(port);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(`--port ${port}: ${code === 'EADDRINUSE' ? 'the port is in use (another review server?); choose another or leave out --port' : (e as Error).message}`);
    }
  }
  try {
    return await attempt(preferred);
  } catch {
    return attempt(0);
  }
}
