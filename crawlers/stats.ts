/** Counters of one crawl run, turned into the CrawlSummary and progress reports. */
import type { StoreOutcome } from './documents.ts';
import type { CrawlProgress, CrawlSummary, HostSummary } from './types.ts';

export class CrawlStats {
  private readonly started = Date.now();
  private readonly hosts = new Map<string, HostSummary>();
  readonly byErrorKind: Record<string, number> = {};
  readonly skipped: Record<string, number> = {};
  /** Pages fetched and not kept, by verdict (not_report.interpretation, not_report.no_report_text …). */
  readonly rejected: Record<string, number> = {};
  pages = 0;
  newDocuments = 0;
  changedDocuments = 0;
  unchanged = 0;
  duplicates = 0;
  errors = 0;
  blocked = 0;
  disallowed = 0;
  lastUrl?: string;

  private host(h: string): HostSummary {
    let s = this.hosts.get(h);
    if (!s) {
      s = { pages: 0, documents: 0, newDocuments: 0, notModified: 0, errors: 0, blocked: 0 };
      this.hosts.set(h, s);
    }
    return s;
  }

  page(host: string, url: string, notModified = false): void {
    this.pages++;
    this.host(host).pages++;
    if (notModified) this.host(host).notModified++;
    this.lastUrl = url;
  }

  document(host: string, outcome: StoreOutcome | 'not_modified'): void {
    const h = this.host(host);
    h.documents++;
    if (outcome === 'new') this.newDocuments++, h.newDocuments++;
    else if (outcome === 'changed') this.changedDocuments++, h.newDocuments++;
    else if (outcome === 'duplicate') this.duplicates++;
    else this.unchanged++;
  }

  private kind(kind: string): void {
    this.byErrorKind[kind] = (this.byErrorKind[kind] ?? 0) + 1;
  }

  error(host: string, kind: string): void {
    this.errors++;
    this.host(host).errors++;
    this.kind(kind);
  }

  block(host: string, kind: string): void {
    this.blocked++;
    this.host(host).blocked++;
    this.kind(kind);
  }

  disallow(kind: string): void {
    this.disallowed++;
    this.kind(kind);
  }

  reject(host: string, verdict: string): void {
    this.rejected[verdict] = (this.rejected[verdict] ?? 0) + 1;
    this.host(host);
  }

  skip(reason: string, n = 1): void {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + n;
  }

  get documents(): number {
    return this.newDocuments + this.changedDocuments + this.unchanged + this.duplicates;
  }

  progress(pending: number, inFlight: number): CrawlProgress {
    const elapsedMs = Date.now() - this.started;
    return {
      pages: this.pages, documents: this.documents, errors: this.errors, blocked: this.blocked, pending, inFlight, elapsedMs,
      rate: elapsedMs > 0 ? (this.pages * 1000) / elapsedMs : 0, lastUrl: this.lastUrl,
    };
  }

  summary(runId: string, aborted: boolean): CrawlSummary {
    return {
      runId, pages: this.pages, documents: this.documents, newDocuments: this.newDocuments,
      changedDocuments: this.changedDocuments, unchanged: this.unchanged, duplicates: this.duplicates,
      errors: this.errors, blocked: this.blocked, disallowed: this.disallowed, aborted,
      byHost: Object.fromEntries([...this.hosts].sort(([a], [b]) => a.localeCompare(b))),
      byErrorKind: { ...this.byErrorKind }, skipped: { ...this.skipped }, rejected: { ...this.rejected }, elapsedMs: Date.now() - this.started,
    };
  }
}
