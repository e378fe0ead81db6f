/**
 * The national night's virtual portals (pure): portal i lives on its own loopback address, with a 年报 column
 * of 2–5 list pages (TRS-style `index.html`, `index_1.html` … with a `createPageHTML` pager) and 2–4 reports
 * as detail pages carrying their text. Every page is a function of (portal, path), so a server of 3,000
 * portals holds nothing per portal.
 */
import type { SiteConfig } from '../../../crawlers/types.ts';
import { detailHtml, linkList, page, textToHtml, type Link } from '../../fixture-site/html.ts';

export const COLUMN = '/zfxxgk/zfxxgknb';

/** 127.200.0.1 … : 250 portals per second octet, from 127.200 up (other fixtures use 127.0.x). */
export function portalAddress(i: number): string {
  return `127.${200 + Math.floor(i / 250)}.${(i % 250) + 1}.1`;
}

export function portalIndex(host: string): number | null {
  const m = /^127\.(\d+)\.(\d+)\.1$/.exec(host);
  if (!m) return null;
  const i = (Number(m[1]) - 200) * 250 + Number(m[2]) - 1;
  return i >= 0 ? i : null;
}

/** List pages (2–5) and reports (2–4) of portal i: spread deterministically over the portals. */
export function portalShape(i: number): { pages: number; reports: number } {
  return { pages: 2 + (i % 4), reports: 2 + ((i * 7) % 3) };
}

const YEARS = [2024, 2023, 2022, 2021];

function reportLinks(i: number): Link[] {
  const { reports } = portalShape(i);
  return Array.from({ length: reports }, (_, k) => ({
    href: `${COLUMN}/${YEARS[k]! + 1}01/t${YEARS[k]! + 1}0115_${i}_${k}.html`,
    text: `示例${i}县${YEARS[k]}年政府信息公开工作年度报告`,
    date: `${YEARS[k]! + 1}-01-15`,
  }));
}

/** The page at `path` of portal i, or null (404). `reportText` is the body of every report (the name varies). */
export function portalPage(i: number, path: string, reportText: string): { type: string; body: string } | null {
  const html = (body: string) => ({ type: 'text/html; charset=utf-8', body });
  if (path === '/robots.txt') return { type: 'text/plain', body: 'User-agent: *\nDisallow: /private/\n' };
  const { pages } = portalShape(i);
  const list = /^\/zfxxgk\/zfxxgknb\/index(?:_(\d+))?\.html$/.exec(path);
  if (list) {
    const p = list[1] === undefined ? 0 : Number(list[1]);
    if (p >= pages) return null;
    // Reports on the first page, older news items on the others (as columns fill up over the years).
    const items: Link[] = p === 0 ? reportLinks(i) : Array.from({ length: 10 }, (_, k) => ({
      href: `${COLUMN}/2019${String(p).padStart(2, '0')}/t2019_${i}_${p}_${k}.html`, text: `关于第${p * 10 + k}批政务公开事项的通知`, date: '2019-06-01',
    }));
    const pager = `<script>var countPage = ${pages};createPageHTML(${pages}, ${p}, "index", "html");</script>`;
    return html(page(`示例${i}县人民政府 政府信息公开年报`, `<div class="list">${linkList(items)}</div><div class="page">${pager}</div>`));
  }
  const report = reportLinks(i).find((l) => l.href === path);
  if (report) {
    const content = textToHtml(`示例${i}县人民政府\n${reportText}`);
    return html(detailHtml({ title: report.text, date: report.date!, content }));
  }
  const news = /^\/zfxxgk\/zfxxgknb\/2019\d\d\/t2019_\d+_(\d+)_(\d+)\.html$/.exec(path);
  if (news) return html(detailHtml({ title: `关于第${Number(news[1]) * 10 + Number(news[2])}批政务公开事项的通知`, date: '2019-06-01', content: '<p>现将有关事项通知如下。</p>' }));
  return null;
}

/** The registry: one site per portal, its 年报 column as entry, at `rps` requests per second. */
export function portalSites(n: number, port: number, rps: number): SiteConfig[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `nat-${i}`, name: `示例${i}县人民政府`, entryUrl: `http://${portalAddress(i)}:${port}${COLUMN}/index.html`,
    entryRole: 'column', adapter: 'auto', render: 'static', rps, pageLimit: 200, allowedHosts: [portalAddress(i)], maxDepth: 6,
  }) as SiteConfig);
}
