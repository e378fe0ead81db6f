/**
 * Extraction entry point: sniff the format from the bytes, apply limits, dispatch to one module per format.
 * Every format yields the same DocumentModel (src/model/document.ts). A bad document throws exactly one typed
 * error (src/model/errors.ts) with a stable `code`; doubtful things are warnings in the Result.
 */
import type { DocumentModel } from '../src/model/document.ts';
import type { Result } from '../src/model/result.ts';
import { BadDocumentError, ExtractionTimeoutError, UnsupportedDocumentError } from '../src/model/errors.ts';
import { charsetFromContentType } from './decode.ts';
import { Deadline, resolveOptions, type ExtractOptions, type ResolvedOptions } from './options.ts';
import { sniff } from './sniff.ts';

export { sniff } from './sniff.ts';
export type { ExtractOptions } from './options.ts';
export { DEFAULT_OPTIONS } from './options.ts';

/** Bump when any extractor's output can change: cached extractions keyed by (sha256, version) go stale. */
export const EXTRACTOR_VERSION = '0.7.15';

export interface ExtractHints {
  /** File name or URL path, only a tie-breaker after sniffing (e.g. `.wps` for an OLE Word file). */
  fileName?: string;
  /** HTTP Content-Type header value, when known (its charset is trusted first, then checked). */
  contentType?: string;
}

/** What a format module receives. */
export interface ExtractContext {
  hints: ExtractHints;
  options: ResolvedOptions;
  deadline: Deadline;
}

/** The format a file name or Content-Type promises, if any. */
export function hintedFormat(hints: ExtractHints): string | undefined {
  const ct = (hints.contentType ?? '').toLowerCase();
  if (ct.includes('application/pdf')) return 'pdf';
  if (ct.includes('wordprocessingml')) return 'docx';
  if (ct.includes('application/msword')) return 'doc';
  const ext = /\.([a-z0-9]{2,5})(?:[?#].*)?$/i.exec(hints.fileName ?? '')?.[1]?.toLowerCase();
  return ext && ['pdf', 'docx', 'doc', 'wps', 'rtf'].includes(ext) ? ext : undefined;
}

/** A name promising a binary format over bytes that are text or unknown: an error page or a broken download. */
function checkPromise(hinted: string | undefined, format: string): void {
  if (!hinted || !['txt', 'html', 'unknown'].includes(format)) return;
  // Word can save HTML or text under a .doc name, and sites serve those as Word files: read them as they are.
  if ((hinted === 'doc' || hinted === 'wps' || hinted === 'rtf') && format !== 'unknown') return;
  const code = hinted === 'docx' ? 'docx.not_zip' : hinted === 'pdf' ? 'pdf.not_pdf' : `${hinted}.not_${hinted}`;
  throw new BadDocumentError(code, `the file is named or served as ${hinted.toUpperCase()} but its bytes are ${format === 'unknown' ? 'not a known format' : format}`);
}

async function dispatch(bytes: Uint8Array, ctx: ExtractContext): Promise<Result<DocumentModel>> {
  const { format, evidence } = sniff(bytes, ctx.hints.fileName);
  checkPromise(hintedFormat(ctx.hints), format);
  const o = ctx.options;
  // Each format's module (and its libraries: mammoth, cheerio, pdf.js…) loads on the first document of that format.
  switch (format) {
    case 'pdf':
      return (await import('./pdf.ts')).extractPdf(bytes, o, ctx.deadline);
    case 'image':
      return (await import('./ocr.ts')).extractImage(bytes, o, ctx.deadline);
    case 'docx':
      return (await import('./docx.ts')).extractDocx(bytes, o);
    case 'doc':
    case 'wps':
    case 'rtf':
      return (await import('./doc.ts')).extractViaLibreOffice(bytes, format, o, ctx.deadline);
    case 'html':
      return (await import('./html.ts')).extractHtml(bytes, { contentType: ctx.hints.contentType, maxChars: o.maxHtmlChars });
    case 'txt':
      return (await import('./text.ts')).extractText(bytes, { charset: charsetFromContentType(ctx.hints.contentType), maxChars: o.maxTextChars });
    default:
      throw new UnsupportedDocumentError(`format.${format === 'unknown' ? 'unknown' : 'unsupported'}`, `cannot extract this document (${format}; ${evidence})`);
  }
}

/**
 * Extracts one document. Throws BadDocumentError / UnsupportedDocumentError / ExtractionTimeoutError /
 * MissingToolError; everything else doubtful is a warning.
 */
export async function extract(bytes: Uint8Array, hints: ExtractHints = {}, options: ExtractOptions = {}): Promise<Result<DocumentModel>> {
  const opts = resolveOptions(options);
  if (bytes.byteLength === 0) throw new BadDocumentError('input.empty', 'the file is empty (0 bytes)');
  if (bytes.byteLength > opts.maxInputBytes) {
    throw new BadDocumentError('input.too_large', `the file has ${bytes.byteLength} bytes; limit ${opts.maxInputBytes}`);
  }
  const deadline = new Deadline(opts.timeoutMs);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ExtractionTimeoutError('extract.timeout', `extraction took longer than ${opts.timeoutMs} ms`)), opts.timeoutMs);
  });
  try {
    return await Promise.race([dispatch(bytes, { hints, options: opts, deadline }), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
