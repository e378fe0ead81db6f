/**
 * `nianbao crawl --explain URL`: what the crawler sees on one page — fetched once, politely (robots.txt,
 * the User-Agent) — and what it would do: the kind of page, the CMS families it shows, the links and list
 * items found, which are kept (as what, and why) and which are dropped (and why), and for a detail page its
 * attachments and whether it reads as a report. The tool for a portal that yields nothing.
 */
import { decodeHtml } from '../extractors/decode.ts';
import { classifyPage } from './block.ts';
import { canonicalUrl } from './canonical.ts';
import { analyseDetail } from './detail.ts';
import { discoverDetail, discoverList, discoverProxy } from './discover.ts';
import { createHttpAgent, httpGet } from './http.ts';
import { Page, type PageContext } from './page.ts';
import { robotsFromResponse } from './robots.ts';
import { sniffExt } from './sniff.ts';
import type { FoundLink, ListRole, SiteConfig } from './types.ts';

export interface Explanation {
  url: string;
  status?: number;
  contentType?: string;
  /** What the bytes are: html, json, xml, pdf … */
  kind?: string;
  robots: 'allowed' | 'disallowed' | 'unavailable';
  /** ok, challenge or blocked (with evidence). */
  verdict?: string;
  role: ListRole | 'detail';
  title?: string;
  families: string[];
  kept: { url: string; kind: string; role?: string; title?: string; reason?: string; method?: string }[];
  dropped: { url: string; text: string; reason: string }[];
  detail?: { markers: number; hasReportText: boolean; attachments: string[]; continuations: string[] };
  error?: string;
}

export interface ExplainOptions {
  url: string;
  /** The site the URL belongs to (registry row), or an ad-hoc one for the URL's host. */
  site?: SiteConfig;
  /** How to read the page: home, hub, column, page, proxy or detail (default: home for `/`, else column). */
  role?: ListRole | 'detail';
  userAgent: string;
  timeoutMs?: number;
  maxBytes?: number;
}

export function adHocSite(url: string): SiteConfig {
  const host = new URL(url).hostname;
  return {
    id: 'explain', name: host, entryUrl: url, entryRole: 'auto', adapter: 'auto', render: 'static', rps: 1, pageLimit: 1,
    allowedHosts: [host.replace(/^www\./, '')], maxDepth: 6,
  };
}

function keptOf(links: FoundLink[]): Explanation['kept'] {
  return links.map((l) => ({ url: l.url, kind: l.kind, role: l.role, title: l.title, reason: l.reason, ...(l.method ? { method: l.method } : {}) }));
}

export async function explainUrl(o: ExplainOptions): Promise<Explanation> {
  const url = canonicalUrl(o.url) ?? o.url;
  const site = o.site ?? adHocSite(url);
  const role = o.role ?? (new URL(url).pathname === '/' ? 'home' : 'column');
  const out: Explanation = { url, robots: 'allowed', role, families: [], kept: [], dropped: [] };
  const agent = createHttpAgent();
  const get = (u: string) => httpGet({
    url: u, agent, timeoutMs: o.timeoutMs ?? 30_000, maxBytes: o.maxBytes ?? 50 * 1024 * 1024,
    headers: { 'user-agent': o.userAgent, 'accept-language': 'zh-CN,zh;q=0.9' },
  });
  try {
    const robotsUrl = new URL('/robots.txt', url).toString();
    const rr = await get(robotsUrl).catch(() => undefined);
    const rules = robotsFromResponse(robotsUrl, rr?.status ?? 503, rr?.body.toString('utf8') ?? '');
    if (!rules.allowed(url)) {
      out.robots = rules.status === 'unavailable' ? 'unavailable' : 'disallowed';
      return out;
    }
    const res = await get(url);
    out.status = res.status;
    out.contentType = res.headers['content-type'];
    out.kind = sniffExt(res.body, url, res.headers['content-type']);
    if (res.status >= 300 && res.status < 400) {
      out.kept.push({ url: canonicalUrl(res.headers.location ?? '', url) ?? String(res.headers.location), kind: 'redirect', reason: `HTTP ${res.status}` });
      return out;
    }
    const isScript = role === 'script' || /javascript|ecmascript/i.test(out.contentType ?? '') || /\.js$/i.test(new URL(url).pathname);
    if (!['html', 'json', 'xml'].includes(out.kind) && !isScript) return out;
    const html = isScript ? res.body.toString('utf8') : decodeHtml(res.body, res.headers['content-type']).text;
    if (isScript) {
      const sc: PageContext = { url, role: 'script', depth: 1, site, explain: true };
      const d = discoverProxy(new Page(html, sc), sc);
      out.role = 'script';
      out.kept = keptOf(d.links);
      out.dropped = d.dropped;
      return out;
    }
    const verdict = classifyPage(html, res.status);
    out.verdict = verdict.kind === 'ok' ? 'ok' : `${verdict.kind}: ${verdict.evidence}`;
    const ctx: PageContext = { url, role: role === 'detail' ? 'column' : role, depth: role === 'home' ? 0 : 1, site, explain: true };
    const page = new Page(html, ctx);
    out.title = page.$('title').first().text().trim() || undefined;
    if (role === 'detail') {
      const d = discoverDetail(page, ctx);
      out.detail = { markers: d.info.markers, hasReportText: d.info.hasReportText, attachments: d.info.attachments.map((a) => a.url), continuations: d.info.continuations };
      out.kept = keptOf(d.links);
      out.dropped = d.dropped;
      return out;
    }
    const d = role === 'proxy' || out.kind !== 'html' ? discoverProxy(page, { ...ctx, role: 'proxy' }) : discoverList(page, ctx);
    out.families = d.families;
    out.role = d.role as Explanation['role'];
    out.kept = keptOf(d.links);
    out.dropped = d.dropped;
    if (out.kind === 'html') {
      const info = analyseDetail(page);
      out.detail = { markers: info.markers, hasReportText: info.hasReportText, attachments: info.attachments.map((a) => a.url), continuations: info.continuations };
    }
    return out;
  } catch (e) {
    out.error = `${(e as { code?: string }).code ?? 'error'}: ${(e as Error).message}`;
    return out;
  } finally {
    await agent.close().catch(() => undefined);
  }
}

/** The explanation as text for a terminal. */
export function formatExplanation(e: Explanation, maxDropped = 40): string {
  const lines = [`${e.url}`];
  if (e.error) lines.push(`  error: ${e.error}`);
  if (e.robots !== 'allowed') lines.push(`  robots.txt: ${e.robots} — not fetched`);
  if (e.status !== undefined) lines.push(`  HTTP ${e.status}, ${e.contentType ?? 'no content type'}, read as ${e.kind}${e.verdict && e.verdict !== 'ok' ? `, ${e.verdict}` : ''}`);
  if (e.title) lines.push(`  title: ${e.title}`);
  lines.push(`  read as: ${e.role}${e.families.length ? `; CMS fingerprints: ${e.families.join(', ')}` : ''}`);
  if (e.detail) {
    lines.push(`  report text: ${e.detail.markers} section markers (${e.detail.hasReportText ? 'reads as a report' : 'not a report by its text'}); attachments ${e.detail.attachments.length}${e.detail.continuations.length ? `; continued on ${e.detail.continuations.length} more pages` : ''}`);
  }
  lines.push(`  kept ${e.kept.length}:`);
  for (const k of e.kept) lines.push(`    ${`${k.kind}${k.role ? `/${k.role}` : ''}`.padEnd(16)} ${(k.reason ?? '').padEnd(16)} ${k.method ? `${k.method} ` : ''}${k.url}${k.title ? `  「${k.title}」` : ''}`);
  const byReason = new Map<string, number>();
  for (const d of e.dropped) byReason.set(d.reason, (byReason.get(d.reason) ?? 0) + 1);
  lines.push(`  dropped ${e.dropped.length}: ${[...byReason].map(([r, n]) => `${r} ${n}`).join(', ')}`);
  for (const d of e.dropped.filter((x) => x.reason !== 'unrelated').slice(0, maxDropped)) lines.push(`    ${d.reason.padEnd(32)} ${d.url}${d.text ? `  「${d.text}」` : ''}`);
  return lines.join('\n');
}
