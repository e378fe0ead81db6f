/**
 * The coordinator's raw-bytes server for `nianbao worker` processes: `GET /blobs/<sha256>` with
 * `Authorization: Bearer <token>` answers the stored file (404 when it is not in the store, 401 without the
 * right token). Nothing else is served: no listing, no other path, no write.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BlobStore } from '../store/blobs.ts';

export interface BlobServer {
  port: number;
  /** Requests answered with the file. */
  served(): number;
  close(): Promise<void>;
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

export function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer (.+)$/.exec(header ?? '');
  return m !== null && timingSafeEqual(digest(m[1]!), digest(token));
}

export async function startBlobServer(blobs: BlobStore, o: { host: string; port: number; token: string }): Promise<BlobServer> {
  let served = 0;
  const server: Server = createServer((req, res) => {
    const m = /^\/blobs\/([0-9a-f]{64})$/.exec(req.url ?? '');
    if (req.method !== 'GET' || !m) return void res.writeHead(404).end();
    if (!tokenMatches(req.headers.authorization, o.token)) return void res.writeHead(401).end();
    const path = blobs.pathFor(m[1]!);
    stat(path).then(
      (st) => {
        served++;
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': st.size });
        createReadStream(path).on('error', () => res.destroy()).pipe(res);
      },
      () => res.writeHead(404).end(),
    );
  });
  server.requestTimeout = 120_000;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    served: () => served,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
