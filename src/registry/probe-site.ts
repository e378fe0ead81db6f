/**
 * One portal probed (the core, with the fetching injected): the home page (redirects and an http↔https switch
 * followed), its footer code, CMS families and block class, then a bounded walk through 政务公开 hubs, organ
 * pages and 年报 columns (for their township and department sub-columns), and when nothing was found, the
 * column paths other portals of the province use. Returns every 年报 column with its organ.
 */
import type { ListRole, SiteConfig } from '../../crawlers/types.ts';
import { blockClass, readProbePage, type ColumnFound } from './probe-page.ts';

export interface ProbeResponse {
  url: string;
  status: number;
  /** Decoded body (HTML or JSON). */
  body: string;
  location?: string;
}

/** GETs a URL politely (robots.txt, the host's rate); throws on network errors; undefined when robots forbids. */
export type ProbeFetch = (url: string) => Promise<ProbeResponse | undefined>;

export interface ProbeResult {
  finalUrl?: string;
  websiteCode?: string;
  family?: string;
  families: string[];
  blockClass?: string;
  columns: ColumnFound[];
  pages: number;
  /** Why the probe could not read the portal (network error, robots, HTTP status). */
  error?: string;
}

export interface ProbeOptions {
  /** Pages at most per portal (default 60). */
  maxPages?: number;
  /** Column paths that worked for other portals of the province, most used first. */
  provincePaths?: string[];
}

const MAX_REDIRECTS = 5;

async function follow(fetch: ProbeFetch, url: string, count: () => void): Promise<ProbeResponse | undefined> {
  let target = url;
  for (let i = 0; i <= MAX_REDIRECTS; i++) {
    count();
    const r = await fetch(target);
    if (!r) return undefined;
    if (r.status >= 300 && r.status < 400 && r.location) {
      target = new URL(r.location, target).toString();
      continue;
    }
    return { ...r, url: target };
  }
  return undefined;
}

function withScheme(url: string, scheme: 'http:' | 'https:'): string {
  const u = new URL(url);
  u.protocol = scheme;
  return u.toString();
}

export async function probeSite(site: SiteConfig, fetch: ProbeFetch, options: ProbeOptions = {}): Promise<ProbeResult> {
  const maxPages = options.maxPages ?? 60;
  const result: ProbeResult = { families: [], columns: [], pages: 0 };
  const count = (): void => void result.pages++;
  let home: ProbeResponse | undefined;
  try {
    home = await follow(fetch, site.entryUrl, count);
  } catch (e) {
    // The list's own probe found many portals answer only on the other scheme.
    const other = withScheme(site.entryUrl, site.entryUrl.startsWith('https:') ? 'http:' : 'https:');
    try {
      home = await follow(fetch, other, count);
    } catch {
      result.error = `${(e as { code?: string }).code ?? 'fetch.error'}: ${(e as Error).message}`.slice(0, 300);
      return result;
    }
  }
  if (!home) {
    result.error = 'robots.disallowed';
    return result;
  }
  result.finalUrl = home.url;
  result.blockClass = blockClass(home.status, home.body);
  if (result.blockClass || home.status >= 400) {
    result.error ??= `http.${home.status}`;
    return result;
  }
  const allowed = new URL(home.url).hostname;
  const config: SiteConfig = { ...site, allowedHosts: [...new Set([...site.allowedHosts, allowed.replace(/^www\./, '')])] };
  const seen = new Set<string>([home.url]);
  const queue: { url: string; role: ListRole; organ?: string; depth: number; body?: string }[] = [{ url: home.url, role: 'home', depth: 0, body: home.body }];
  const columns = new Map<string, ColumnFound>();
  const families = new Set<string>();
  const columnFamilies = new Map<string, number>();
  while (queue.length > 0) {
    const item = queue.shift() as (typeof queue)[number];
    let body = item.body;
    let url = item.url;
    if (body === undefined) {
      if (result.pages >= maxPages) break;
      const r = await follow(fetch, item.url, count).catch(() => undefined);
      if (!r || r.status >= 400 || blockClass(r.status, r.body)) continue;
      body = r.body;
      url = r.url;
      seen.add(url);
      // A column behind a redirect is recorded where it lives.
      const known = columns.get(item.url);
      if (known && url !== item.url) {
        columns.delete(item.url);
        columns.set(url, { ...known, url });
      }
    }
    const reading = readProbePage(body, url, item.role, item.depth, config, item.organ);
    // The footer of the home page, or of the first page that has one (a home that only redirects has none).
    if (!result.websiteCode || item.url === home.url) result.websiteCode = reading.websiteCode ?? result.websiteCode;
    reading.families.forEach((f) => families.add(f));
    if (reading.isColumn) {
      if (!columns.has(url)) columns.set(url, { url, foundBy: item.role === 'hub' ? 'organ_page' : 'column', ...(item.organ ? { organ: item.organ } : {}) });
      // The family is the one its 年报 columns show (a home page links news of every kind).
      // Routes and markup only one CMS has weigh more than dated article paths that many copy.
      for (const f of reading.families) columnFamilies.set(f, (columnFamilies.get(f) ?? 0) + (['trs', 'ucap', 'scripted'].includes(f) ? 1 : 3));
    }
    for (const c of reading.columns) if (!columns.has(c.url)) columns.set(c.url, c);
    for (const n of reading.next) {
      if (seen.has(n.url)) continue;
      seen.add(n.url);
      // Columns are opened only for their organ sub-columns: hubs first.
      if (n.role === 'hub') queue.unshift({ url: n.url, role: n.role, organ: n.organ, depth: n.depth });
      else queue.push({ url: n.url, role: n.role, organ: n.organ, depth: n.depth });
    }
  }
  if (columns.size === 0) {
    for (const path of (options.provincePaths ?? []).slice(0, 3)) {
      if (result.pages >= maxPages) break;
      const url = new URL(path, home.url).toString();
      const r = await follow(fetch, url, count).catch(() => undefined);
      if (!r || r.status >= 400) continue;
      const reading = readProbePage(r.body, r.url, 'column', 1, config);
      if (reading.reports > 0) columns.set(r.url, { url: r.url, foundBy: 'province_path' });
    }
  }
  result.families = [...families];
  const generic = ['trs', 'ucap', 'scripted'];
  result.family = [...columnFamilies].sort((a, b) => b[1] - a[1])[0]?.[0]
    ?? result.families.find((f) => !generic.includes(f)) ?? result.families[0];
  result.columns = [...columns.values()];
  return result;
}
