/**
 * The extraction cache: one row per (sha256, extractor version) in `extractions`, the document model as
 * JSON under the extracted directory. Rows are written only after the JSON file is in place (temp + rename),
 * so a crash leaves either no row (the document is extracted again) or a complete one.
 */
import { join } from 'node:path';
import type { Db } from './db.ts';
import type { Message } from '../model/result.ts';

export interface ExtractionRow {
  sha256: string;
  extractorVersion: string;
  status: 'ok' | 'failed';
  format?: string | null;
  pages?: number | null;
  ocr?: boolean;
  modelBytes?: number | null;
  warnings?: Message[];
  errorCode?: string | null;
  errorMessage?: string | null;
  /** A transient failure (time-out, missing tool, crashed worker): extracted again by later runs. */
  retryable?: boolean;
  ms?: number | null;
  runId?: string | null;
  extractedAt: string;
}

/** What the extract stage needs to extract one content: its sha and a few hints from its first document. */
export interface PendingExtraction {
  sha256: string;
  url: string | null;
  contentType: string | null;
  ext: string | null;
}

export function extractedPath(dir: string, sha: string, version: string): string {
  return join(dir, `${sha}.${version}.json`);
}

/** Transient failures are tried this many times in all (one attempt per run). */
export const MAX_ATTEMPTS = 3;

/**
 * Contents in `documents` without an extraction at this version, or whose extraction failed transiently
 * fewer than MAX_ATTEMPTS times (with retryFailed: any failure), oldest document first.
 */
export function pendingExtractions(db: Db, version: string, options: { retryFailed?: boolean } = {}): PendingExtraction[] {
  const failedClause = options.retryFailed
    ? "AND e.status = 'ok'"
    : `AND (e.status = 'ok' OR e.retryable = 0 OR e.attempts >= ${MAX_ATTEMPTS})`;
  return db
    .prepare(
      `SELECT d.sha256 AS sha256, d.url AS url, d.content_type AS contentType, d.ext AS ext
       FROM documents d
       WHERE d.sha256 IS NOT NULL
         AND d.id = (SELECT MIN(d2.id) FROM documents d2 WHERE d2.sha256 = d.sha256)
         AND NOT EXISTS (SELECT 1 FROM extractions e
                         WHERE e.sha256 = d.sha256 AND e.extractor_version = ? ${failedClause})
       ORDER BY d.id`,
    )
    .all(version) as PendingExtraction[];
}

export function saveExtraction(db: Db, row: ExtractionRow): void {
  db.prepare(
    `INSERT INTO extractions (sha256, extractor_version, status, format, pages, ocr, model_bytes, warnings_json,
       error_code, error_message, retryable, ms, run_id, extracted_at)
     VALUES (@sha256, @extractorVersion, @status, @format, @pages, @ocr, @modelBytes, @warnings, @errorCode,
       @errorMessage, @retryable, @ms, @runId, @extractedAt)
     ON CONFLICT (sha256, extractor_version) DO UPDATE SET status = excluded.status, format = excluded.format,
       pages = excluded.pages, ocr = excluded.ocr, model_bytes = excluded.model_bytes,
       warnings_json = excluded.warnings_json, error_code = excluded.error_code,
       error_message = excluded.error_message, retryable = excluded.retryable, ms = excluded.ms,
       run_id = excluded.run_id, extracted_at = excluded.extracted_at, attempts = extractions.attempts + 1`,
  ).run({
    sha256: row.sha256,
    extractorVersion: row.extractorVersion,
    status: row.status,
    format: row.format ?? null,
    pages: row.pages ?? null,
    ocr: row.ocr ? 1 : 0,
    modelBytes: row.modelBytes ?? null,
    warnings: JSON.stringify(row.warnings ?? []),
    errorCode: row.errorCode ?? null,
    errorMessage: row.errorMessage ?? null,
    retryable: row.retryable ? 1 : 0,
    ms: row.ms ?? null,
    runId: row.runId ?? null,
    extractedAt: row.extractedAt,
  });
}

export interface StoredExtraction {
  sha256: string;
  status: 'ok' | 'failed';
  format: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  warnings: Message[];
}

export function getExtraction(db: Db, sha: string, version: string): StoredExtraction | undefined {
  const row = db
    .prepare(
      `SELECT sha256, status, format, error_code AS errorCode, error_message AS errorMessage, warnings_json AS w
       FROM extractions WHERE sha256 = ? AND extractor_version = ?`,
    )
    .get(sha, version) as (Omit<StoredExtraction, 'warnings'> & { w: string }) | undefined;
  if (!row) return undefined;
  const { w, ...rest } = row;
  return { ...rest, warnings: JSON.parse(w) as Message[] };
}

/** Forget an extraction whose JSON file has gone missing, so the next extract stage redoes it. */
export function deleteExtraction(db: Db, sha: string, version: string): void {
  db.prepare('DELETE FROM extractions WHERE sha256 = ? AND extractor_version = ?').run(sha, version);
}
