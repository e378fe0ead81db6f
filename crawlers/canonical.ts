/**
 * Canonical URLs and dedup keys (pure).
 * canonicalUrl: http(s) only, lowercase scheme and host, default port dropped, fragment dropped, query
 * parameters sorted, tracking parameters dropped. urlKey: canonicalUrl with `_wap` twins folded onto the
 * desktop page (`t20240115_123_wap.html` → `t20240115_123.html`).
 */

/** Query parameters that never change the content. */
const TRACKING = /^(utm_[a-z]+|spm|from|isappinstalled|share_?token|share_?from|fbclid|gclid|_|timestamp|scene|clicktime|enterid|jsessionid|phpsessid|aspsessionid\w*|sessionid|session_id)$/i;
/** A session id in a `sid`-like parameter: long and random (a short number is a real parameter, e.g. a site id). */
const SESSION_PARAM = /^(sid|sessid|token|_t|t|rnd|rand|random|r|v|ts)$/i;

function isSessionValue(key: string, value: string): boolean {
  if (!SESSION_PARAM.test(key)) return false;
  if (/^(t|ts|_t|v|r|rnd|rand|random)$/i.test(key)) return /^\d{10,13}$/.test(value) || /^0\.\d{6,}$/.test(value) || /^[a-z0-9]{16,}$/i.test(value);
  // Hex or base-36 noise of 10+ characters, letters and digits or digits alone (a site id is a short number
  // or a word).
  if (/^\d{10,}$/.test(value)) return true;
  return value.length >= 10 && /^[\w-]+$/.test(value) && /\d/.test(value) && /[a-z]/i.test(value);
}

/** Resolves `href` against `base` and canonicalises; undefined for non-http(s) or invalid URLs. */
export function canonicalUrl(href: string, base?: string): string | undefined {
  let u: URL;
  try {
    u = base === undefined ? new URL(href.trim()) : new URL(href.trim(), base);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  u.hash = '';
  u.username = '';
  u.password = '';
  // Session ids in the path (`;jsessionid=…`) never change the content.
  u.pathname = u.pathname.replace(/;(jsessionid|phpsessid|sessionid|sid)=[^/?;]*/gi, '');
  // URL already lowercases the host and drops default ports.
  const params = [...u.searchParams.entries()].filter(([k, v]) => !TRACKING.test(k) && !isSessionValue(k, v));
  params.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const search = new URLSearchParams(params).toString();
  u.search = search ? `?${search}` : '';
  return u.toString();
}

const WAP = /_wap(\.[a-z0-9]+)?$/i;

/** True for mobile twins of a desktop page (`…_wap.html`). */
export function isWapTwin(url: string): boolean {
  try {
    return WAP.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** The desktop twin of a `_wap` URL (the URL itself otherwise). */
export function desktopTwin(url: string): string {
  const u = new URL(url);
  u.pathname = u.pathname.replace(WAP, '$1');
  return u.toString();
}

/** The frontier and documents key of a URL: canonical, `_wap` folded. Undefined when not crawlable. */
export function urlKey(href: string, base?: string): string | undefined {
  const c = canonicalUrl(href, base);
  return c === undefined ? undefined : desktopTwin(c);
}

/** `host` (no port) equals one of the suffixes or ends with `.suffix`. An empty list allows nothing. */
export function hostAllowed(url: string, suffixes: readonly string[]): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return suffixes.some((s) => {
    const suf = s.toLowerCase().replace(/^\.+/, '');
    return host === suf || host.endsWith(`.${suf}`);
  });
}

/** The path of a URL, or '' when it is not one. */
export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/** `host:port` of a URL, the unit of politeness. */
export function hostOf(url: string): string {
  return new URL(url).host.toLowerCase();
}
