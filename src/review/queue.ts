/**
 * The review queue: reports filtered by what needs a look (flagged, failed checks, OCR, derived cells, already
 * reviewed, not reports, failed), province, year, body and template, in id order (stable while reviewing, so
 * "next report" does not jump when a report leaves the filter). Filters come from the page's query string.
 */
import type { Db } from '../store/db.ts';

export const QUEUE_KINDS = {
  flagged: { label: 'flagged', where: "r.status = 'flagged'" },
  failed_checks: { label: 'failed checks', where: 'r.failed_checks > 0' },
  ocr: { label: 'OCR', where: 'e.ocr = 1' },
  derived: { label: 'derived cells', where: 'r.values_derived > 0' },
  reviewed: { label: 'reviewed', where: 'EXISTS (SELECT 1 FROM corrections k WHERE k.sha256 = r.sha256)' },
  not_report: { label: 'not a report', where: "r.status = 'not_report'" },
  failed: { label: 'failed', where: "r.status = 'failed'" },
  all: { label: 'all', where: '1 = 1' },
} as const;

export type QueueKind = keyof typeof QUEUE_KINDS;

export interface QueueFilter {
  kind: QueueKind;
  province: string | null;
  year: number | null;
  body: string | null;
  template: string | null;
}

export interface QueueRow {
  id: number;
  sha256: string;
  province: string | null;
  place: string | null;
  body: string | null;
  year: number | null;
  template: string | null;
  format: string | null;
  status: string;
  flagged: number;
  failedChecks: number;
  derived: number;
  ocr: number;
  corrections: number;
}

export function parseFilter(q: URLSearchParams): QueueFilter {
  const kind = q.get('kind') ?? 'flagged';
  const text = (k: string) => (q.get(k) ?? '').trim().slice(0, 100) || null;
  const year = Number(q.get('year'));
  return {
    kind: kind in QUEUE_KINDS ? (kind as QueueKind) : 'flagged',
    province: text('province'), year: Number.isInteger(year) && year > 1900 && year < 2200 ? year : null,
    body: text('body'), template: text('template'),
  };
}

/** The filter as a query string (without defaults), to carry it from page to page. */
export function filterQuery(f: QueueFilter): string {
  const q = new URLSearchParams();
  if (f.kind !== 'flagged') q.set('kind', f.kind);
  if (f.province) q.set('province', f.province);
  if (f.year !== null) q.set('year', String(f.year));
  if (f.body) q.set('body', f.body);
  if (f.template) q.set('template', f.template);
  const s = q.toString();
  return s ? `?${s}` : '';
}

const FROM = 'FROM reports r LEFT JOIN extractions e ON e.sha256 = r.sha256 AND e.extractor_version = r.extractor_version';

function where(f: QueueFilter): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [QUEUE_KINDS[f.kind].where];
  const params: Record<string, unknown> = {};
  const add = (sql: string, name: string, value: unknown): void => {
    parts.push(sql);
    params[name] = value;
  };
  if (f.province) add('r.province = @province', 'province', f.province);
  if (f.year !== null) add('r.year = @year', 'year', f.year);
  if (f.template) add('r.template = @template', 'template', f.template);
  if (f.body) add("(instr(COALESCE(r.body, ''), @body) > 0 OR instr(COALESCE(r.division_name, ''), @body) > 0)", 'body', f.body);
  return { sql: parts.join(' AND '), params };
}

export function queueRows(db: Db, f: QueueFilter, limit = 500): QueueRow[] {
  const w = where(f);
  return db
    .prepare(
      `SELECT r.id, r.sha256, r.province, COALESCE(r.township, r.county, r.city) AS place, r.body, r.year, r.template,
         r.format, r.status, r.flagged_cells AS flagged, r.failed_checks AS failedChecks, r.values_derived AS derived,
         COALESCE(e.ocr, 0) AS ocr, (SELECT COUNT(*) FROM corrections k WHERE k.sha256 = r.sha256) AS corrections
       ${FROM} WHERE ${w.sql} ORDER BY r.id LIMIT ${Math.max(1, Math.min(limit, 5000))}`,
    )
    .all(w.params) as QueueRow[];
}

export function queueCount(db: Db, f: QueueFilter): number {
  const w = where(f);
  return db.prepare(`SELECT COUNT(*) ${FROM} WHERE ${w.sql}`).pluck().get(w.params) as number;
}

/** Reports per kind (for the filter's labels), over the other filters. */
export function kindCounts(db: Db, f: QueueFilter): Record<QueueKind, number> {
  const out = {} as Record<QueueKind, number>;
  for (const kind of Object.keys(QUEUE_KINDS) as QueueKind[]) out[kind] = queueCount(db, { ...f, kind });
  return out;
}

/** The previous and next report of the queue around a report id. */
export function neighbours(db: Db, f: QueueFilter, id: number): { prev: number | null; next: number | null } {
  const w = where(f);
  const one = (op: string, order: string) =>
    (db.prepare(`SELECT r.id ${FROM} WHERE ${w.sql} AND r.id ${op} @id ORDER BY r.id ${order} LIMIT 1`).pluck().get({ ...w.params, id }) as number | undefined) ?? null;
  return { prev: one('<', 'DESC'), next: one('>', 'ASC') };
}

/** Choices for the filter's selects. */
export function filterChoices(db: Db): { provinces: string[]; years: number[]; templates: string[] } {
  const col = <T>(sql: string) => db.prepare(sql).pluck().all() as T[];
  return {
    provinces: col<string>('SELECT DISTINCT province FROM reports WHERE province IS NOT NULL ORDER BY province'),
    years: col<number>('SELECT DISTINCT year FROM reports WHERE year IS NOT NULL ORDER BY year DESC'),
    templates: col<string>('SELECT DISTINCT template FROM reports WHERE template IS NOT NULL ORDER BY template'),
  };
}
