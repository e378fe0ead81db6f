/**
 * `nianbao review`'s web server (node:http, no framework): the queue page, report pages, each cell's place in
 * its source (the stored document model; PDF pages rendered by pdftoppm), the original file as a download, and
 * the JSON endpoints that save, remove and preview reviewers' decisions. Every request passes the gate
 * (auth.ts). Only fixed routes are served: no request path is ever turned into a file path, and the only
 * files read are the store's own (raw file and model of a report, by its sha256) and the bundled assets.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Config } from '../pipeline/config.ts';
import { openStore } from '../pipeline/run.ts';
import { DEFAULT_PARSER, EXTRACTOR_VERSION, type StageContext } from '../pipeline/context.ts';
import { defaultResolver } from '../pipeline/resolver.ts';
import { createProgress } from '../pipeline/progress.ts';
import { extractedPath } from '../store/extractions.ts';
import type { DocumentModel } from '../model/document.ts';
import { PipelineError } from '../model/errors.ts';
import { checkRequest, loopbackHosts, newToken, type Gate } from './auth.ts';
import { ActionError, previewDecision, removeDecision, saveDecision, type DecisionInput } from './actions.ts';
import { filterQuery, neighbours, parseFilter } from './queue.ts';
import { queuePage } from './queue-page.ts';
import { reportPage } from './report-page.ts';
import { loadReportView, reportHead, type ReportHead } from './report-view.ts';
import { sourceView } from './source.ts';
import { PAGE_DPI, renderPage } from './page-image.ts';

export interface ReviewServerOptions {
  config: Config;
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** Default: a new random token. */
  token?: string;
  reviewer: string;
  /** One line per decision saved or removed. */
  log?: (line: string) => void;
}

export interface ReviewServer {
  /** The URL to open, with the token. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const ASSET_DIR = fileURLToPath(new URL('./assets/', import.meta.url));
const ASSETS = new Map(
  [['review.css', 'text/css'], ['queue.js', 'text/javascript'], ['report.js', 'text/javascript'], ['source.js', 'text/javascript']].map(([name, type]) => [
    name!, { type: `${type}; charset=utf-8`, body: readFileSync(`${ASSET_DIR}${name}`) },
  ]),
);
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY', 'cache-control': 'no-store',
};
const MAX_BODY = 64 * 1024;
const MAX_MODEL_BYTES = 200 * 1024 * 1024;

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

const json = (res: ServerResponse, status: number, data: unknown) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(data));

function readJson(req: IncomingMessage): Promise<DecisionInput> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'request too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      try {
        const v = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
        if (v && typeof v === 'object' && !Array.isArray(v)) resolve(v as DecisionInput);
        else reject(new HttpError(400, 'a JSON object is expected'));
      } catch {
        reject(new HttpError(400, 'the body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

export async function startReviewServer(o: ReviewServerOptions): Promise<ReviewServer> {
  const { db, blobs } = openStore(o.config);
  const token = o.token ?? newToken();
  const resolver = defaultResolver(db);
  const ctx: StageContext = {
    db, blobs, config: o.config, runId: 'review', progress: createProgress('quiet'), signal: new AbortController().signal,
    parser: DEFAULT_PARSER, resolver, extractorVersion: EXTRACTOR_VERSION,
  };
  const models = new Map<string, DocumentModel>();

  function report(id: string): ReportHead {
    const r = reportHead(db, Number(id));
    if (!r) throw new HttpError(404, `no report ${id}`);
    return r;
  }

  function model(r: ReportHead): DocumentModel {
    const key = `${r.sha256}.${r.extractorVersion}`;
    const hit = models.get(key);
    if (hit) return hit;
    const path = extractedPath(o.config.extractedDir, r.sha256, r.extractorVersion);
    if (!existsSync(path) || statSync(path).size > MAX_MODEL_BYTES) throw new HttpError(404, 'the extracted document is not in the store (run nianbao extract)');
    const doc = JSON.parse(readFileSync(path, 'utf8')) as DocumentModel;
    models.set(key, doc);
    if (models.size > 4) models.delete(models.keys().next().value!);
    return doc;
  }

  function rawPath(r: ReportHead): string {
    if (!/^[0-9a-f]{64}$/.test(r.sha256)) throw new HttpError(404, 'no raw file');
    const path = blobs.pathFor(r.sha256);
    if (!existsSync(path)) throw new HttpError(404, 'the raw file is not in the store');
    return path;
  }

  type Handler = (m: RegExpExecArray, url: URL, req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
  const routes: [string, RegExp, Handler][] = [
    ['GET', /^\/$/, (_m, url, _q, res) => send(res, 200, 'text/html; charset=utf-8', queuePage(db, parseFilter(url.searchParams), token))],
    ['GET', /^\/favicon\.ico$/, (_m, _u, _q, res) => send(res, 204, 'image/x-icon', '')],
    ['GET', /^\/reports\/(\d{1,10})$/, (m, url, _q, res) => {
      const view = loadReportView(db, Number(m[1]));
      if (!view) throw new HttpError(404, `no report ${m[1]}`);
      const f = parseFilter(url.searchParams);
      const q = filterQuery(f);
      const n = neighbours(db, f, view.report.id);
      const link = (id: number | null) => (id === null ? null : `/reports/${id}${q}`);
      send(res, 200, 'text/html; charset=utf-8', reportPage(view, { queue: `/${q}`, prev: link(n.prev), next: link(n.next) }, token));
    }],
    ['GET', /^\/reports\/(\d{1,10})\/source$/, (m, url, _q, res) => {
      const r = report(m[1]!);
      const code = url.searchParams.get('code') ?? '';
      const cell = db.prepare('SELECT provenance_json AS p, rule FROM cells WHERE report_id = ? AND code = ?').get(r.id, code) as { p: string | null; rule: string | null } | undefined;
      if (!cell) throw new HttpError(404, `report ${r.id} has no cell ${code}`);
      const view = sourceView(model(r), cell.p ? JSON.parse(cell.p) : null, cell.rule);
      json(res, 200, { ...view, image: view.page ? `/reports/${r.id}/pages/${view.page}.png` : null, scale: PAGE_DPI / 72 });
    }],
    ['GET', /^\/reports\/(\d{1,10})\/pages\/(\d{1,4})\.png$/, async (m, _u, _q, res) => {
      const r = report(m[1]!);
      const n = Number(m[2]);
      if (r.format !== 'pdf' || n < 1 || (r.pages !== null && n > r.pages)) throw new HttpError(404, 'no such page');
      send(res, 200, 'image/png', await renderPage(rawPath(r), r.sha256, n));
    }],
    ['GET', /^\/reports\/(\d{1,10})\/original$/, (m, _u, _q, res) => {
      const r = report(m[1]!);
      // A download, never rendered in this origin (a report's HTML could carry scripts).
      send(res, 200, 'application/octet-stream', readFileSync(rawPath(r)), {
        'content-disposition': `attachment; filename="${r.sha256}.${(r.format ?? 'bin').replace(/[^a-z]/g, '')}"`,
      });
    }],
    ['GET', /^\/assets\/([a-z-]+\.(?:css|js))$/, (m, _u, _q, res) => {
      const a = ASSETS.get(m[1]!);
      if (!a) throw new HttpError(404, 'not found');
      send(res, 200, a.type, a.body);
    }],
    ['POST', /^\/api\/reports\/(\d{1,10})\/preview$/, async (m, _u, req, res) => json(res, 200, previewDecision(db, Number(m[1]), await readJson(req), o.reviewer))],
    ['POST', /^\/api\/reports\/(\d{1,10})\/corrections$/, async (m, _u, req, res) => {
      const input = await readJson(req);
      const saved = saveDecision(ctx, Number(m[1]), input, o.reviewer);
      o.log?.(`report ${m[1]}: ${String(input.code)} ${String(input.action)} ${String(input.value ?? '')} → ${saved.report.status}`);
      json(res, 200, saved);
    }],
    ['POST', /^\/api\/reports\/(\d{1,10})\/corrections\/delete$/, async (m, _u, req, res) => {
      const input = await readJson(req);
      const saved = removeDecision(ctx, Number(m[1]), input);
      o.log?.(`report ${m[1]}: ${String(input.code)} decision removed → ${saved.report.status}`);
      json(res, 200, saved);
    }],
  ];

  const gate: Gate = { token, port: 0, hosts: null };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://review.invalid');
    const verdict = checkRequest(req, url, gate);
    if (verdict.ok === 'redirect') {
      res.writeHead(303, { ...SECURITY_HEADERS, location: verdict.location, 'set-cookie': verdict.cookie });
      res.end();
      return;
    }
    if (!verdict.ok) return send(res, verdict.status, 'text/plain; charset=utf-8', `${verdict.message}\n`);
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    for (const [m, re, handler] of routes) {
      const match = m === method ? re.exec(url.pathname) : null;
      if (match) return handler(match, url, req, res);
    }
    throw new HttpError(404, 'not found');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError || e instanceof ActionError ? e.status : e instanceof PipelineError ? 422 : 500;
      if (status === 500) process.stderr.write(`nianbao review: ${(e as Error).stack ?? String(e)}\n`);
      if (res.headersSent) return void res.destroy();
      const message = status === 500 ? 'internal error' : (e as Error).message;
      if (req.url?.startsWith('/api/')) json(res, status, { error: message });
      else send(res, status, 'text/plain; charset=utf-8', `${message}\n`);
    });
  });
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  const host = o.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, host, () => resolve());
  });
  // The division registry (used when a decision re-parses a document) is built now, not on the first save.
  setTimeout(() => {
    try {
      void resolver.version;
    } catch {
      /* reported by the save that needs it */
    }
  }, 0).unref();
  const port = (server.address() as AddressInfo).port;
  gate.port = port;
  gate.hosts = isLoopback(host) ? loopbackHosts(port) : null;
  const shown = isLoopback(host) || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const origin = `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
  return {
    url: `${origin}/?token=${token}`, origin, token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          db.close();
          resolve();
        });
      }),
  };
}

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}
