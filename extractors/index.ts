/**
 * Extraction entry point: sniff the format from the bytes, apply limits, dispatch to one module per format.
 * Every format yields the same DocumentModel (src/model/document.ts). A bad document throws exactly one typed
 * error (src/model/errors.ts) with a stable `code`; doubtful things are warnings in the Result.
 */
import type { DocumentModel } from '../src/model/document.ts';
import type { Result } from '../src/model/result.ts';
import { BadDocumentError, ExtractionTimeoutError, UnsupportedDocumentError } from '../src/model/errors.ts';
import { charsetFromContentType } from './decode.ts';
import { extractHtml } from './html.ts';
import { Deadline, resolveOptions, type ExtractOptions, type ResolvedOptions } from './options.ts';
import { sniff } from './sniff.ts';
import { extractText } from './text.ts';

export { sniff } from './sniff.ts';
export type { ExtractOptions } from './options.ts';
export { DEFAULT_OPTIONS } from './options.ts';

/** Bump when any extractor's output can change: cached extractions keyed by (sha256, version) go stale. */
export const EXTRACTOR_VERSION = '0.2.0';

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

async function dispatch(bytes: Uint8Array, ctx: ExtractContext): Promise<Result<DocumentModel>> {
  const { format, evidence } = sniff(bytes, ctx.hints.fileName);
  switch (format) {
    case 'html':
      return extractHtml(bytes, { contentType: ctx.hints.contentType });
    case 'txt':
      return extractText(bytes, { charset: charsetFromContentType(ctx.hints.contentType) });
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
