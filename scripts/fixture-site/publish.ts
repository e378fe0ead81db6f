/**
 * Publishing a fixture document on a virtual site: a detail page (the report itself for txt / html, or a
 * wrapper with the attachment link for binary formats), the attachment route, and the expected-report entry
 * the tests check completeness against.
 */
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import type { FixtureDoc } from './docs.ts';
import { detailHtml, pubDate, textToHtml, type Link } from './html.ts';
import type { Reply, VirtualSite } from './server.ts';

export interface ExpectedReport {
  /** Virtual site name (trs, hanweb, ucap, gbk, jsrender, challenge). */
  site: string;
  /** Absolute URL of the stored document (detail page for txt/html, attachment otherwise). */
  url: string;
  title: string;
  year: number;
  /** Format as served: html for txt and html sources, else the file format. */
  format: string;
  sha256: string;
  /** Source fixture, relative to the repository root. */
  source: string;
  /** Expected values file, relative to the repository root, when there is one. */
  expected?: string;
  /** Error code the expected file gives (input.empty, parse.not_report …): this is not a readable report. */
  error?: string;
}

export interface SiteState {
  revision: number;
  /** Keys of one-time events already served (429 once, 503 once). */
  once: Set<string>;
}

interface Publication {
  site: VirtualSite;
  doc: FixtureDoc;
  path: string;
  format: string;
  bytes: () => Buffer;
  visible: () => boolean;
}

const MIME: Record<string, string> = {
  pdf: 'application/pdf', doc: 'application/msword', wps: 'application/octet-stream', rtf: 'application/rtf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface PublishOptions {
  detailPath: string;
  /** Path (and query) of the attachment, for binary formats. */
  attachmentPath?: string;
  /** Link the attachment straight from the list (no detail page). */
  direct?: boolean;
  charset?: 'utf-8' | 'gb2312';
  /** More HTML on the detail page (mirror links, guide PDF …). */
  extra?: string;
  validators?: Reply['validators'];
  delayMs?: number;
  /** Only published from this revision on. */
  fromRevision?: number;
  /** Revision-dependent content for txt/html documents (the "changed document"). */
  revise?: (html: Buffer, revision: number) => Buffer;
}

export class Publisher {
  private readonly pubs: Publication[] = [];
  constructor(readonly state: SiteState) {}

  private encode(html: string, charset: PublishOptions['charset']): Buffer {
    return charset === 'gb2312' ? iconv.encode(html, 'gb18030') : Buffer.from(html, 'utf8');
  }

  /** Registers the routes of `doc` on `site` and returns the list entry that links to it. */
  publish(site: VirtualSite, doc: FixtureDoc, o: PublishOptions): Link {
    const date = pubDate(doc);
    const visible = (): boolean => this.state.revision >= (o.fromRevision ?? 1);
    const common = { validators: o.validators, delayMs: o.delayMs, lastModified: new Date(`${date}T01:00:00Z`) };
    if (doc.format === 'txt' || doc.format === 'html') {
      const base = doc.format === 'html'
        ? doc.bytes
        : this.encode(detailHtml({ title: doc.title, date, content: textToHtml(doc.bytes.toString('utf8')), extra: o.extra, charset: o.charset }), o.charset);
      const bytes = (): Buffer => (o.revise ? o.revise(base, this.state.revision) : base);
      site.route(o.detailPath, () => (visible() ? { ...common, body: bytes(), lastModified: o.revise && this.state.revision > 1 ? new Date(Date.now() - 1000) : common.lastModified } : undefined));
      this.pubs.push({ site, doc, path: o.detailPath, format: 'html', bytes, visible });
      return { href: o.detailPath, text: doc.title, date };
    }
    const attachment = o.attachmentPath ?? `${o.detailPath.replace(/\.[a-z]+$/, '')}.${doc.format}`;
    const filename = `${doc.title}.${doc.format}`;
    site.route(attachment, () => (visible() ? {
      ...common, body: doc.bytes, type: MIME[doc.format] ?? 'application/octet-stream',
      headers: { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}` },
    } : undefined));
    this.pubs.push({ site, doc, path: attachment, format: doc.format, bytes: () => doc.bytes, visible });
    if (o.direct) return { href: attachment, text: filename, date };
    const wrapper = this.encode(detailHtml({
      title: doc.title, date, content: `<p>${doc.title}全文详见附件。</p>`,
      attachments: [{ href: attachment, text: filename.replace(/^.*?(\d{4}年)/, '$1') }], extra: o.extra, charset: o.charset,
    }), o.charset);
    site.route(o.detailPath, () => (visible() ? { ...common, body: wrapper } : undefined));
    return { href: o.detailPath, text: doc.title, date };
  }

  expected(): ExpectedReport[] {
    return this.pubs.filter((p) => p.visible()).map((p) => {
      const bytes = p.bytes();
      return {
        site: p.site.name, url: p.site.url(p.path), title: p.doc.title, year: p.doc.year, format: p.format,
        sha256: createHash('sha256').update(bytes).digest('hex'), source: p.doc.source, expected: p.doc.expected,
        ...(p.doc.error ? { error: p.doc.error } : {}),
      };
    });
  }
}
