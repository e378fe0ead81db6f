/**
 * Who may use the review server. Every request needs the random token printed with the URL: given once in the
 * query (`?token=`), it is exchanged for an HttpOnly, SameSite=Strict cookie; scripts send it in the
 * X-Review-Token header. A write (POST) needs the header itself (a cross-site form or image cannot set it, and
 * a cross-site fetch that tries is stopped by CORS), a JSON body, and a same-origin Origin when one is sent.
 * The Host header must name the server (no DNS rebinding) unless it listens beyond loopback.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-review-token';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** Constant-time comparison (of digests, so lengths need not match). */
export function sameToken(given: string | null | undefined, token: string): boolean {
  return typeof given === 'string' && given.length > 0 && timingSafeEqual(digest(given), digest(token));
}

export function cookieName(port: number): string {
  return `nianbao_review_${port}`;
}

export function cookieValue(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return null;
}

export function setCookie(name: string, token: string): string {
  return `${name}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
}

export interface Gate {
  token: string;
  port: number;
  /** Host header values accepted; null: any (the server listens beyond loopback). */
  hosts: Set<string> | null;
}

export type Verdict =
  | { ok: true }
  | { ok: false; status: number; message: string }
  | { ok: 'redirect'; location: string; cookie: string };

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

export function loopbackHosts(port: number): Set<string> {
  return new Set(['127.0.0.1', 'localhost', '[::1]'].map((h) => `${h}:${port}`));
}

export function checkRequest(req: IncomingMessage, url: URL, gate: Gate): Verdict {
  const host = header(req, 'host') ?? '';
  if (gate.hosts && !gate.hosts.has(host.toLowerCase())) return { ok: false, status: 421, message: `this server does not answer for host ${host}` };
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') return { ok: false, status: 405, message: 'method not allowed' };
  const name = cookieName(gate.port);
  const queryToken = url.searchParams.get('token');
  if (queryToken !== null && method !== 'POST') {
    if (!sameToken(queryToken, gate.token)) return { ok: false, status: 403, message: 'wrong token' };
    url.searchParams.delete('token');
    return { ok: 'redirect', location: `${url.pathname}${url.search}`, cookie: setCookie(name, gate.token) };
  }
  const headerToken = header(req, TOKEN_HEADER);
  if (method === 'POST') {
    if (!sameToken(headerToken, gate.token)) return { ok: false, status: 403, message: `a write needs the ${TOKEN_HEADER} header` };
    const origin = header(req, 'origin');
    if (origin !== undefined && origin !== `http://${host}`) return { ok: false, status: 403, message: `cross-origin write refused (${origin})` };
    const site = header(req, 'sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return { ok: false, status: 403, message: 'cross-site write refused' };
    if (!(header(req, 'content-type') ?? '').startsWith('application/json')) return { ok: false, status: 415, message: 'a write takes JSON' };
    return { ok: true };
  }
  if (sameToken(headerToken, gate.token) || sameToken(cookieValue(req, name), gate.token)) return { ok: true };
  return { ok: false, status: 401, message: 'open the URL that `nianbao review` printed (it carries the access token)' };
}
