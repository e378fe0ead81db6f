/**
 * The national night's server: one process serving `n` virtual portals (portals.ts), each on its own loopback
 * address, all on one port. ETag and Last-Modified on every page, 304 for a matching conditional GET. Run as a
 * child of the bench (`startPortalServer`): it prints one JSON line ({ port, n }) when it listens, and at the
 * end (stdin closed) one line with its request count and its own CPU time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { portalAddress, portalIndex, portalPage } from './portals.ts';

const LAST_MODIFIED = new Date('2025-01-15T08:00:00Z').toUTCString();
const SELF = fileURLToPath(import.meta.url);

export interface PortalServerStats {
  requests: number;
  notModified: number;
  cpuMs: number;
}

export interface PortalServer {
  port: number;
  stop(): Promise<PortalServerStats>;
}

export function startPortalServer(n: number, reportText: string, timeoutMs = 120_000): Promise<PortalServer> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SELF, String(n)], {
      stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, NATIONAL_REPORT_TEXT: reportText },
    });
    let buf = '';
    const lines: string[] = [];
    const waiters: ((l: string) => void)[] = [];
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      buf += d;
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const w = waiters.shift();
        if (w) w(line);
        else lines.push(line);
      }
    });
    const next = () => new Promise<string>((r) => (lines.length ? r(lines.shift()!) : waiters.push(r)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the portal server did not start in time'));
    }, timeoutMs);
    child.once('error', reject);
    void next().then((l) => {
      clearTimeout(timer);
      const { port } = JSON.parse(l) as { port: number };
      resolve({
        port,
        async stop() {
          child.stdin!.end();
          const stats = JSON.parse(await next()) as PortalServerStats;
          await new Promise<void>((r) => child.once('exit', () => r()));
          return stats;
        },
      });
    });
  });
}

async function main(n: number): Promise<void> {
  const reportText = process.env.NATIONAL_REPORT_TEXT ?? '';
  const stats: PortalServerStats = { requests: 0, notModified: 0, cpuMs: 0 };
  const cache = new Map<string, { type: string; body: Buffer; etag: string } | null>();
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    stats.requests++;
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const i = portalIndex(host);
    const path = (req.url ?? '/').split('?')[0]!;
    const key = `${host}${path}`;
    let hit = cache.get(key);
    if (hit === undefined) {
      const p = i === null || i >= n ? null : portalPage(i, path, reportText);
      hit = p ? { type: p.type, body: Buffer.from(p.body), etag: `"${createHash('sha1').update(p.body).digest('hex').slice(0, 16)}"` } : null;
      if (cache.size < 200_000) cache.set(key, hit);
    }
    if (!hit) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (req.headers['if-none-match'] === hit.etag || req.headers['if-modified-since'] === LAST_MODIFIED) {
      stats.notModified++;
      res.writeHead(304, { etag: hit.etag, 'last-modified': LAST_MODIFIED }).end();
      return;
    }
    res.writeHead(200, { 'content-type': hit.type, etag: hit.etag, 'last-modified': LAST_MODIFIED, 'content-length': hit.body.length }).end(hit.body);
  };
  // One server per address, all on the port the first one got.
  const first = createServer(handler);
  await new Promise<void>((r) => first.listen(0, portalAddress(0), r));
  const port = (first.address() as AddressInfo).port;
  const servers = [first];
  for (let i = 1; i < n; i++) {
    const s = createServer(handler);
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, portalAddress(i), resolve);
    });
    servers.push(s);
  }
  process.stdout.write(`${JSON.stringify({ port, n })}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => {
    const c = process.cpuUsage();
    stats.cpuMs = (c.user + c.system) / 1000;
    process.stdout.write(`${JSON.stringify(stats)}\n`, () => process.exit(0));
    for (const s of servers) s.close();
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(Number(process.argv[2] ?? 3000));
