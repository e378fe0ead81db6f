/**
 * Portal URLs of the registry: checking a list's URL, the key two rows are compared by (the host less
 * `www.`: the crawl of a portal covers its whole host, so two units on one host would crawl the same site),
 * and whether a host spells a unit's name in pinyin (putuo.gov.cn → 普陀区).
 */
import { hostLabels, pinyinOf } from '../divisions/url-hints.ts';
import { coreName } from './join.ts';

export type UrlCheck = { ok: true; url: string; host: string } | { ok: false; status: 'no_url' | 'bad_url'; reason: string };

export function checkUrl(raw: string | undefined | null): UrlCheck {
  const s = (raw ?? '').trim();
  if (s === '') return { ok: false, status: 'no_url', reason: 'the list gives no URL' };
  let u: URL;
  try {
    u = new URL(/^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `http://${s}`);
  } catch {
    return { ok: false, status: 'bad_url', reason: `not a URL: ${s.slice(0, 200)}` };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, status: 'bad_url', reason: `not an http(s) URL: ${s.slice(0, 200)}` };
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(u.hostname) || u.username || u.password) {
    return { ok: false, status: 'bad_url', reason: `not a web host: ${s.slice(0, 200)}` };
  }
  return { ok: true, url: u.href, host: u.hostname.toLowerCase() };
}

/** The key two portals are compared by: the host without `www.` and without port. */
export function siteKey(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

/** True when a label of the URL's host is the pinyin of the unit's name or of its core (普陀区 → putuo, putuoqu). */
export function hostSpells(url: string, name: string): boolean {
  const labels = hostLabels(url);
  if (labels.length === 0) return false;
  const forms = [name, coreName(name)].filter((f): f is string => !!f && [...f].length >= 2);
  return forms.some((f) => labels.includes(pinyinOf(f)));
}

/**
 * The list's `final_url` replaces its URL when only the scheme differs (the list's own probe had to switch
 * http ↔ https to get an answer); otherwise the list's URL stays.
 */
export function schemeSwitched(url: string, finalUrl: string | undefined): string | null {
  if (!finalUrl) return null;
  const f = checkUrl(finalUrl);
  if (!f.ok) return null;
  const a = new URL(url);
  const b = new URL(f.url);
  return a.protocol !== b.protocol && a.host === b.host && a.pathname === b.pathname ? f.url : null;
}
