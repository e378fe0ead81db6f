/** Limits and tool settings for extraction. Every field has a documented default; see `resolveOptions`. */

export interface ExtractOptions {
  /** Largest input accepted, in bytes. @default 100 MiB */
  maxInputBytes?: number;
  /** PDF (and scanned PDF) pages read; later pages are skipped with a `pdf.pages_truncated` warning. @default 300 */
  maxPages?: number;
  /** Largest total uncompressed size of a DOCX zip (zip bomb guard). @default 200 MiB */
  maxUnzippedBytes?: number;
  /** Largest compression ratio of any DOCX zip entry (zip bomb guard). @default 200 */
  maxZipRatio?: number;
  /** Bytes the DOCX parts that are read as text (XML) may really inflate to, whatever the headers say (a memory guard: mammoth holds the parsed XML). @default 3 MiB */
  maxDocxTextBytes?: number;
  /** Largest text document, in characters after decoding (a memory and time guard). @default 4 Mi characters */
  maxTextChars?: number;
  /** Largest HTML page, in characters after decoding, inline data: URIs not counted (a memory guard). @default 2 Mi characters */
  maxHtmlChars?: number;
  /**
   * Wall-clock time per document in ms, across all converters and OCR. The pipeline sets it from
   * `extractTimeoutSec` (`--extract-timeout`), so one setting holds everywhere. @default 300000
   */
  timeoutMs?: number;
  /** LibreOffice executable for DOC/WPS/RTF. @default `soffice` on PATH */
  sofficePath?: string;
  /** Time limit of one LibreOffice conversion in ms (also capped by `timeoutMs`). @default 90000 */
  convertTimeoutMs?: number;
  /** `pdftoppm` executable (OCR rasterising). @default `pdftoppm` */
  pdftoppmPath?: string;
  /** `tesseract` executable. @default `tesseract` */
  tesseractPath?: string;
  /** OCR: `auto` runs it on pages without a usable text layer; `never` reports them instead. @default auto */
  ocr?: 'auto' | 'never' | 'always';
  /** Time limit of one OCR page (rasterise + recognise) in ms. @default 60000 */
  ocrPageTimeoutMs?: number;
  /** Largest output read from a subprocess, bytes. @default 64 MiB */
  maxToolOutputBytes?: number;
}

export type ResolvedOptions = Required<ExtractOptions>;

export const DEFAULT_OPTIONS: ResolvedOptions = {
  maxInputBytes: 100 * 1024 * 1024,
  maxPages: 300,
  maxUnzippedBytes: 200 * 1024 * 1024,
  maxZipRatio: 200,
  maxDocxTextBytes: 3 * 1024 * 1024,
  maxTextChars: 4 * 1024 * 1024,
  maxHtmlChars: 2 * 1024 * 1024,
  timeoutMs: 300_000,
  sofficePath: 'soffice',
  convertTimeoutMs: 90_000,
  pdftoppmPath: 'pdftoppm',
  tesseractPath: 'tesseract',
  ocr: 'auto',
  ocrPageTimeoutMs: 60_000,
  maxToolOutputBytes: 64 * 1024 * 1024,
};

export function resolveOptions(o: ExtractOptions = {}): ResolvedOptions {
  const r = { ...DEFAULT_OPTIONS };
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (r as Record<string, unknown>)[k] = v;
  for (const k of ['maxInputBytes', 'maxPages', 'maxUnzippedBytes', 'maxZipRatio', 'maxDocxTextBytes', 'maxTextChars', 'maxHtmlChars', 'timeoutMs', 'convertTimeoutMs', 'ocrPageTimeoutMs', 'maxToolOutputBytes'] as const) {
    const v = r[k];
    if (typeof v !== 'number' || !(v > 0)) throw new TypeError(`Expected \`${k}\` to be a positive number, got \`${String(v)}\` (${typeof v})`);
  }
  return r;
}

/** A wall-clock deadline shared by the steps of one document. */
export class Deadline {
  readonly at: number;
  constructor(ms: number) {
    this.at = Date.now() + ms;
  }
  remaining(): number {
    return Math.max(0, this.at - Date.now());
  }
  expired(): boolean {
    return Date.now() >= this.at;
  }
  /** The smaller of `ms` and the time left. */
  cap(ms: number): number {
    return Math.max(1, Math.min(ms, this.remaining()));
  }
}
