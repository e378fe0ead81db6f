/**
 * One HTTP GET (undici): total timeout, body size limit (declared and streamed, also after decompression),
 * gzip/deflate/br decoding, conditional headers. Redirects are not followed: the caller gets the 3xx and
 * queues the target like any other link (so robots, the host allow-list and rate limits apply to it).
 */
import { Agent, request } from 'undici';
import { brotliDecompressSync, gunzipSync, inflateSync, inflateRawSync } from 'node:zlib';
import { FetchError } from '../src/model/errors.ts';

export interface HttpRequest {
  url: string;
  headers?: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
  /** Connection pool (createHttpAgent); one per crawl. */
  agent: Agent;
  /** POST with a form-encoded body (list APIs); GET by default. */
  method?: 'GET' | 'POST';
  body?: string;
}

export interface HttpResponse {
  url: string;
  status: number;
  /** Lowercase names; repeated headers joined with ", " except set-cookie (kept in setCookies). */
  headers: Record<string, string>;
  setCookies: string[];
  body: Buffer;
  ms: number;
}

/** A keep-alive connection pool; close it with `agent.close()` when the crawl ends. */
export function createHttpAgent(connectTimeoutMs = 15_000): Agent {
  return new Agent({ connections: 8, keepAliveTimeout: 4000, connect: { timeout: connectTimeoutMs } });
}

function decompress(body: Buffer, encoding: string | undefined, maxBytes: number, url: string): Buffer {
  const enc = (encoding ?? '').trim().toLowerCase();
  const opts = { maxOutputLength: maxBytes };
  try {
    if (enc === 'gzip' || enc === 'x-gzip') return gunzipSync(body, opts);
    if (enc === 'br') return brotliDecompressSync(body, opts);
    if (enc === 'deflate') {
      try {
        return inflateSync(body, opts);
      } catch {
        return inflateRawSync(body, opts);
      }
    }
  } catch (e) {
    const tooLarge = (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    throw new FetchError(tooLarge ? 'fetch.too_large' : 'fetch.bad_encoding', `${url}: cannot decode ${enc} body`, url, { cause: e });
  }
  return body;
}

function flatHeaders(raw: Record<string, string | string[] | undefined>): { headers: Record<string, string>; setCookies: string[] } {
  const headers: Record<string, string> = {};
  let setCookies: string[] = [];
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined) continue;
    const name = k.toLowerCase();
    if (name === 'set-cookie') setCookies = Array.isArray(v) ? v : [v];
    else headers[name] = Array.isArray(v) ? v.join(', ') : v;
  }
  return { headers, setCookies };
}

/** Drops a body we will not read (the noop listener keeps undici's abort error from going uncaught). */
function discard(body: NodeJS.ReadableStream & { destroy(): void }): void {
  body.on('error', () => undefined);
  body.destroy();
}

/** GET (or POST) `req.url`. Throws FetchError: fetch.timeout, fetch.network, fetch.too_large (never retryable). */
export async function httpGet(req: HttpRequest): Promise<HttpResponse> {
  const started = Date.now();
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), req.timeoutMs);
  try {
    const post = req.method === 'POST';
    const res = await request(req.url, {
      method: post ? 'POST' : 'GET',
      headers: {
        'accept-encoding': 'gzip, deflate, br',
        ...(post ? { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8', 'x-requested-with': 'XMLHttpRequest' } : {}),
        ...req.headers,
      },
      ...(post ? { body: req.body ?? '' } : {}),
      dispatcher: req.agent,
      signal: ac.signal,
      headersTimeout: req.timeoutMs,
      bodyTimeout: req.timeoutMs,
    });
    const { headers, setCookies } = flatHeaders(res.headers);
    const declared = Number(headers['content-length']);
    if (Number.isFinite(declared) && declared > req.maxBytes) {
      discard(res.body);
      throw new FetchError('fetch.too_large', `${req.url}: ${declared} bytes declared, limit ${req.maxBytes}`, req.url, { status: res.statusCode });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > req.maxBytes) {
        discard(res.body);
        throw new FetchError('fetch.too_large', `${req.url}: body larger than ${req.maxBytes} bytes`, req.url, { status: res.statusCode });
      }
      chunks.push(chunk as Buffer);
    }
    const body = decompress(Buffer.concat(chunks), headers['content-encoding'], req.maxBytes, req.url);
    return { url: req.url, status: res.statusCode, headers, setCookies, body, ms: Date.now() - started };
  } catch (e) {
    if (e instanceof FetchError) throw e;
    if (ac.signal.aborted) {
      throw new FetchError('fetch.timeout', `${req.url}: no complete response within ${req.timeoutMs} ms`, req.url, { cause: e, retryable: true });
    }
    const code = (e as { code?: string }).code ?? 'unknown';
    throw new FetchError('fetch.network', `${req.url}: ${code} ${(e as Error).message}`, req.url, { cause: e, retryable: true });
  } finally {
    clearTimeout(timer);
  }
}
