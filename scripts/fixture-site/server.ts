/**
 * One virtual site of the fixture: an HTTP server on a loopback address, port 0, with a route table,
 * validators (ETag / Last-Modified) and conditional GET answered with 304, optional delays, and a shared
 * request log.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoggedRequest {
  site: string;
  method: string;
  /** Path with query string. */
  path: string;
  /** Epoch ms when the request arrived. */
  time: number;
  /** `host:port` the request was sent to. */
  host: string;
  status: number;
  /** The request carried If-None-Match or If-Modified-Since. */
  conditional: boolean;
  userAgent: string;
  cookie: string;
}

export interface Reply {
  status?: number;
  /** Content-Type; default text/html without charset (pages declare it in <meta>). */
  type?: string;
  body?: Buffer | string;
  headers?: Record<string, string>;
  /** Which validators to send (default both). */
  validators?: 'both' | 'etag' | 'last-modified' | 'none';
  lastModified?: Date;
  delayMs?: number;
}

export interface RequestInfo {
  path: string;
  query: URLSearchParams;
  cookies: Record<string, string>;
  headers: IncomingMessage['headers'];
  method?: string;
  /** Request body (POST), at most 1 MB. */
  body?: Buffer;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > 1024 * 1024) break;
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

export type Route = (req: RequestInfo) => Reply | undefined;

export const BASE_DATE = new Date('2024-03-01T08:00:00Z');

function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

function notModified(req: IncomingMessage, etag: string | undefined, lastModified: Date | undefined): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) return etag !== undefined && inm.split(',').map((s) => s.trim()).includes(etag);
  const ims = req.headers['if-modified-since'];
  if (ims !== undefined && lastModified) {
    const t = Date.parse(ims);
    return !Number.isNaN(t) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(t / 1000);
  }
  return false;
}

/** `path?b=2&a=1` → `path?a=1&b=2`. */
export function routeKey(pathWithQuery: string): string {
  const u = new URL(pathWithQuery, 'http://x');
  const params = [...u.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const q = new URLSearchParams(params).toString();
  return q ? `${u.pathname}?${q}` : u.pathname;
}

export class VirtualSite {
  readonly routes = new Map<string, Route>();
  /** Tried when no exact path matches (prefix routes, generated pages). */
  fallback: Route = () => undefined;
  /** Runs before routing (challenge gate); returning a reply short-circuits. */
  guard: Route = () => undefined;
  private server: Server | undefined;
  base = '';
  hostname = '';

  constructor(readonly name: string, private readonly log: LoggedRequest[]) {}

  /** Registers a route for a path, optionally with a query (matched in any parameter order). */
  route(path: string, r: Route): void {
    this.routes.set(routeKey(path), r);
  }

  async listen(address: string, port = 0): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    server.keepAliveTimeout = 2000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, address, () => resolve());
    });
    this.server = server;
    this.hostname = address;
    this.base = `http://${address}:${(server.address() as AddressInfo).port}`;
  }

  /** The site's base URL with another host name for the same server (e.g. `localhost`). */
  alias(hostname: string): string {
    return this.base.replace(this.hostname, hostname);
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', 'http://x');
    const reqBody = req.method === 'POST' || req.method === 'PUT' ? await readBody(req) : undefined;
    const info: RequestInfo = { path: u.pathname, query: u.searchParams, cookies: parseCookies(req.headers.cookie), headers: req.headers, method: req.method, body: reqBody };
    const entry: LoggedRequest = {
      site: this.name, method: req.method ?? 'GET', path: `${u.pathname}${u.search}`, time: Date.now(), host: req.headers.host ?? '',
      status: 0, conditional: req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined,
      userAgent: req.headers['user-agent'] ?? '', cookie: req.headers.cookie ?? '',
    };
    this.log.push(entry);
    let reply: Reply | undefined;
    try {
      const exact = this.routes.get(routeKey(`${u.pathname}${u.search}`)) ?? this.routes.get(u.pathname);
      reply = this.guard(info) ?? exact?.(info) ?? this.fallback(info);
    } catch (e) {
      reply = { status: 500, body: String(e), type: 'text/plain' };
    }
    reply ??= { status: 404, body: '<html><body>404 页面不存在</body></html>', validators: 'none' };
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body ?? Buffer.alloc(0);
    const status = reply.status ?? 200;
    const headers: Record<string, string> = { 'content-type': reply.type ?? 'text/html', ...reply.headers };
    const v = status === 200 ? reply.validators ?? 'both' : 'none';
    const etag = v === 'both' || v === 'etag' ? etagOf(body) : undefined;
    const lastModified = v === 'both' || v === 'last-modified' ? reply.lastModified ?? BASE_DATE : undefined;
    if (etag) headers.etag = etag;
    if (lastModified) headers['last-modified'] = lastModified.toUTCString();
    if (status === 200 && notModified(req, etag, lastModified)) {
      entry.status = 304;
      res.writeHead(304, { ...(etag ? { etag } : {}) });
      res.end();
      return;
    }
    entry.status = status;
    headers['content-length'] = String(body.length);
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async close(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}
