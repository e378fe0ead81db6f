/**
 * Publishing one item of a 年报 column: the detail page in the family's markup (the report itself for HTML,
 * its pages for a split report, a wrapper around an attachment otherwise), the attachment with its headers
 * (names only in Content-Disposition, wrong Content-Type, download URLs without extension, redirects), viewer
 * and iframe pages, and the truth records. Returns the list entry (absolute URL) that links to it.
 */
import iconv from 'iconv-lite';
import type { Reply, Route } from '../fixture-site/server.ts';
import { splitContent } from './documents.ts';
import { relativeHref } from './lists.ts';
import { article, esc, type Entry } from './markup.ts';
import type { Item } from './plan.ts';
import type { HostRole, Portal } from './portal.ts';

export interface PublishSpec {
  role: HostRole;
  detailPath: string;
  /** Where the attachment lives (default: next to the detail page, on the files host when there is one). */
  file?: { role: HostRole; path: string };
  /** Path of page n (n ≥ 2) of a split report. */
  pagePath?: (n: number) => string;
  /** Pager of a split report (absolute page URLs, current index). */
  pager?: (urls: string[], current: number) => string;
  /** URLs of the columns / lists that link the item. */
  columns: string[];
}

const MIME: Record<string, string> = {
  pdf: 'application/pdf', doc: 'application/msword', wps: 'application/kswps',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** A 1×1 PNG for 图解 images. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

function hex(item: Item, salt: string): string {
  let h = 2166136261;
  for (const c of `${item.organ.key}/${item.n}/${salt}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return `${h.toString(16).padStart(8, '0')}${(h ^ 0x5bd1e995).toString(16).padStart(8, '0')}`;
}

function lastModified(item: Item): Date {
  return new Date(`${item.date}T02:00:00Z`);
}

function disposition(item: Item): Record<string, string> {
  const name = item.fileName;
  // Static files (served by the web server) carry no Content-Disposition; download scripts do.
  switch (item.disguise?.disposition ?? 'none') {
    case 'rfc5987': return { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}` };
    case 'utf8-percent': return { 'content-disposition': `attachment;filename=${encodeURIComponent(name)}` };
    case 'gbk-percent': return { 'content-disposition': `attachment; filename="${[...iconv.encode(name, 'gbk')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')}"` };
    // Raw GBK bytes in the header, as old Java servers send them (Node writes header strings as latin1).
    case 'raw-gbk': return { 'content-disposition': `attachment; filename="${iconv.encode(name, 'gbk').toString('latin1')}"` };
    case 'none': return {};
  }
}

function contentType(item: Item): string {
  switch (item.disguise?.type ?? 'correct') {
    case 'correct': return MIME[item.format] ?? 'application/octet-stream';
    case 'octet': return 'application/octet-stream';
    case 'html': return 'text/html;charset=UTF-8';
    case 'force': return 'application/force-download';
  }
}

/** Where an attachment is served from and the URL the page links. */
function fileLocation(portal: Portal, item: Item, spec: PublishSpec): { role: HostRole; path: string; link: string; aliases: string[] } {
  const role = spec.file?.role ?? (portal.sites.files ? 'files' : spec.role);
  const ext = item.format;
  const plain = spec.file?.path ?? `${spec.detailPath.replace(/[^/]*$/, '')}P0${item.date.replace(/-/g, '')}${hex(item, 'f').slice(0, 10)}.${ext}`;
  if (item.presentation !== 'download' || !item.disguise) return { role, path: plain, link: portal.url(role, plain), aliases: [] };
  const id = 100000 + item.n * 7919 % 900000;
  switch (item.disguise.url) {
    case 'download-jsp': { const p = `/module/download/downfile.jsp?classid=0&fileid=${id}`; return { role, path: p, link: portal.url(role, p), aliases: [] }; }
    case 'attach': { const p = `/attach/0/${hex(item, 'a')}`; return { role, path: p, link: portal.url(role, p), aliases: [] }; }
    case 'servlet': { const p = `/servlet/FileDownload?fid=${id}&type=att`; return { role, path: p, link: portal.url(role, p), aliases: [] }; }
    case 'redirect': {
      const from = `/common/download.do?id=${id}`;
      portal.route(role, from, () => ({ status: 302, headers: { location: portal.url(role, plain) }, validators: 'none' }));
      return { role, path: plain, link: portal.url(role, from), aliases: [portal.url(role, from)] };
    }
  }
}

function linkText(item: Item): string {
  const t = item.disguise?.text ?? 'name';
  return t === 'name' ? item.fileName : t;
}

/** Registers the attachment; returns its URL (the bytes) and the URL pages link. */
function publishFile(portal: Portal, item: Item, spec: PublishSpec): { url: string; link: string; aliases: string[] } {
  const loc = fileLocation(portal, item, spec);
  const bytes = item.binary ?? Buffer.alloc(0);
  const dynamic = item.presentation === 'download';
  portal.route(loc.role, loc.path, () => (portal.visible(item) ? {
    body: bytes, type: contentType(item), headers: disposition(item), lastModified: lastModified(item), validators: dynamic ? 'none' : 'both',
  } : undefined));
  const url = portal.url(loc.role, loc.path);
  portal.documentUrls.add(url);
  return { url, link: loc.link, aliases: loc.aliases };
}

function viewerBlock(portal: Portal, item: Item, link: string, absolute: string, text: string): string {
  switch (item.viewer) {
    case 'pdfjs': {
      const viewer = portal.url(portal.role('files'), '/pdfjs/web/viewer.html');
      const v = `${viewer}?file=${encodeURIComponent(relativeHref(viewer, absolute, false))}`;
      return `<iframe id="pdfView" src="${esc(v)}" width="100%" height="900" frameborder="0"></iframe><p><a href="${esc(v)}" target="_blank">在线阅读</a></p>`;
    }
    case 'iframe': return `<iframe src="${esc(link)}" width="100%" height="900" frameborder="0"></iframe>`;
    case 'embed': return Number(item.n) % 2 ? `<embed src="${esc(link)}" type="application/pdf" width="100%" height="900">` : `<object data="${esc(link)}" type="application/pdf" width="100%" height="900"><p>${esc(text)}</p></object>`;
    default: return '';
  }
}

/** A download link as a script call: the URL is built by the page's function from an id. */
function jsDownload(link: string, text: string): string {
  const q = /^(.*[?&][a-z]+=)(\d+)(.*)$/i.exec(link);
  const [before, id, after] = q ? [q[1]!, q[2]!, q[3]!] : [link.replace(/[^/]*$/, ''), link.replace(/^.*\//, ''), ''];
  return `附件：<a href="javascript:downloadFile('${esc(id)}')">${esc(text)}</a>
<script type="text/javascript">function downloadFile(id) { window.location.href = '${before}' + id + '${after}'; }</script>`;
}

function html(portal: Portal, item: Item, content: string, extra: { attachments?: string; pager?: string } = {}): Buffer {
  const source = item.organ.kind === 'county' ? `${portal.plan.county.name}人民政府办公室` : item.organ.body;
  return portal.encode(article(portal.frame(), { title: item.fullTitle, date: item.date, source, content, ...extra }));
}

function revised(portal: Portal, item: Item): string {
  return item.changes && portal.revision >= 2 ? `${item.doc.content}\n<p>（更正说明：本报告第二部分数据于发布后更正。）</p>` : item.doc.content;
}

/** Wraps a route so that its first request gets `status` (503 or 429) with Retry-After. */
export function failOnce(portal: Portal, key: string, status: 429 | 503, route: Route): Route {
  return (req) => (portal.once(key) ? { status, headers: { 'retry-after': '2' }, body: status === 429 ? 'Too Many Requests' : 'Service Unavailable', type: 'text/plain', validators: 'none' } : route(req));
}

export function publishItem(portal: Portal, item: Item, spec: PublishSpec): Entry {
  const detail = portal.url(spec.role, spec.detailPath);
  const entry: Entry = { href: detail, title: item.title, date: item.date };
  const common = (): Partial<Reply> => ({ lastModified: item.changes && portal.revision >= 2 ? new Date(Date.now() - 1000) : lastModified(item) });
  const visible = (): boolean => portal.visible(item);
  const transient = portal.has('transient-errors') && item.kind === 'report' && item.organ.kind === 'county' && portal.reports.length === 0;
  const serve = (r: Route): Route => (transient ? failOnce(portal, `503:${spec.detailPath}`, 503, r) : r);

  if (item.kind !== 'report' && item.format === 'html') {
    const extra = item.kind === 'graphic' ? (() => {
      const img = /src="([^"]+)"/.exec(item.doc.content)?.[1];
      if (img) portal.route(spec.role, img, () => ({ body: PNG, type: 'image/png' }));
      return {};
    })() : {};
    const b = (): Buffer => html(portal, item, item.doc.content, extra);
    portal.route(spec.role, spec.detailPath, () => (visible() ? { body: b(), ...common() } : undefined));
    portal.nonReports.push({ item, url: detail, kind: item.kind, title: item.fullTitle, bytes: b, column: spec.columns[0], visible });
    portal.documentUrls.add(detail);
    return entry;
  }

  if (item.format === 'html') {
    const pages = item.presentation === 'split' ? splitContent(item.doc.content, item.split) : [item.doc.content];
    const urls = pages.map((_, i) => (i === 0 ? detail : portal.url(spec.role, spec.pagePath?.(i + 1) ?? `${spec.detailPath}?page=${i + 1}`)));
    const bytesOf = (i: number) => (): Buffer => html(portal, item, i === 0 && pages.length === 1 ? revised(portal, item) : pages[i]!,
      pages.length > 1 ? { pager: spec.pager?.(urls, i) ?? defaultPager(urls, i) } : {});
    urls.forEach((u, i) => {
      const path = new URL(u).pathname + new URL(u).search;
      const b = bytesOf(i);
      portal.route(spec.role, path, serve(() => (visible() ? { body: b(), ...common() } : undefined)));
      portal.documentUrls.add(u);
    });
    portal.reports.push({
      item, url: detail, pages: urls.length > 1 ? urls : undefined, aliases: [], bytes: bytesOf(0), pageBytes: urls.length > 1 ? urls.map((_, i) => bytesOf(i)) : undefined,
      format: 'html', presentation: item.presentation, columns: spec.columns,
    });
    return entry;
  }

  // Binary: the file, then the page around it (none when the list links the file).
  const file = publishFile(portal, item, spec);
  const bytes = (): Buffer => item.binary ?? Buffer.alloc(0);
  const record = (detailUrl?: string): void => {
    if (item.kind === 'report') {
      portal.reports.push({ item, url: file.url, aliases: file.aliases, bytes, format: item.format, presentation: item.presentation, detailUrl, columns: spec.columns });
    } else {
      portal.nonReports.push({ item, url: file.url, kind: item.kind, title: item.fullTitle, bytes, column: spec.columns[0], visible });
    }
  };
  if (item.presentation === 'direct') {
    record();
    return { ...entry, href: file.link };
  }
  const link = relativeHref(detail, file.link);
  const listed = portal.has('attachment-list') && !item.viewer && !item.disguise?.jsCall;
  const text = listed ? `附件1${item.n % 3 === 0 ? '' : `.${item.format}`}` : linkText(item);
  const attachments = item.viewer ? viewerBlock(portal, item, link, file.link, text) : item.disguise?.jsCall ? jsDownload(link, text)
    : listed ? attachmentList(portal, item, spec, detail, [{ href: link, text }]) : `附件：<a href="${esc(link)}" target="_blank">${esc(text)}</a>`;
  const intro = `<p>${esc(item.fullTitle)}${item.viewer ? '' : '全文详见附件。'}</p>`;
  const wrapper = (): Buffer => html(portal, item, intro, { attachments });
  portal.route(spec.role, spec.detailPath, serve(() => (visible() ? { body: wrapper(), ...common() } : undefined)));
  portal.documentUrls.add(detail);
  portal.nonReports.push({ item, url: detail, kind: 'wrapper', title: item.fullTitle, bytes: wrapper, column: spec.columns[0], visible });
  record(detail);
  return entry;
}

/**
 * attachment-list: 附件： over a numbered list; a report's wrapper also lists its 图解 as 附件2.jpg (an image, a
 * non-report).
 */
function attachmentList(portal: Portal, item: Item, spec: PublishSpec, detail: string, files: { href: string; text: string }[]): string {
  const all = [...files];
  if (item.kind === 'report') {
    const path = `${spec.detailPath.replace(/[?#].*$/, '').replace(/[^/]*$/, '')}W0${item.date.replace(/-/g, '')}${hex(item, 'g').slice(0, 8)}.jpg`;
    const url = portal.url(spec.role, path);
    // A 1×1 PNG with the item's number after IEND: every 图解 has its own bytes.
    const bytes = (): Buffer => Buffer.concat([PNG, Buffer.from(`nb-graphic-${portal.plan.id}-${item.n}`)]);
    const visible = (): boolean => portal.visible(item);
    portal.route(spec.role, path, () => (visible() ? { body: bytes(), type: 'image/jpeg', lastModified: lastModified(item) } : undefined));
    portal.nonReports.push({ item, url, kind: 'graphic', title: `附件2：图解${item.fullTitle}`, bytes, column: spec.columns[0], visible });
    portal.documentUrls.add(url);
    all.push({ href: relativeHref(detail, url), text: '附件2.jpg' });
  }
  return `<p class="fj-title">附件：</p><ul class="fj-list">${all.map((f) => `<li><a href="${esc(f.href)}" target="_blank">${esc(f.text)}</a></li>`).join('')}</ul>`;
}

function defaultPager(urls: string[], current: number): string {
  const links = urls.map((u, i) => (i === current ? `<span class="current">${i + 1}</span>` : `<a href="${esc(u)}">${i + 1}</a>`));
  const next = current + 1 < urls.length ? ` <a href="${esc(urls[current + 1]!)}">下一页</a>` : '';
  return `共${urls.length}页 ${links.join(' ')}${next}`;
}

/** The pdf.js viewer page (static; reads `file` from the query), once per portal. */
export function registerViewer(portal: Portal): void {
  portal.route(portal.role('files'), '/pdfjs/web/viewer.html', () => ({
    body: `<!DOCTYPE html><html dir="ltr"><head><meta charset="utf-8"><title>PDF.js viewer</title><link rel="stylesheet" href="viewer.css"><script src="../build/pdf.js"></script><script src="viewer.js"></script></head>
<body tabindex="1"><div id="outerContainer"><div id="mainContainer"><div class="toolbar"><button id="download" class="toolbarButton download" title="下载">下载</button></div><div id="viewerContainer"><div id="viewer" class="pdfViewer"></div></div></div></div></body></html>`,
    validators: 'none',
  }));
}
