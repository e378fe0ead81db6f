/**
 * Extraction entry point: sniff the format from the bytes, apply limits, dispatch to one module per format.
 * Every format yields the same DocumentModel (src/model/document.ts).
 */
import type { DocumentModel, Format } from '../src/model/document.ts';
import type { Result } from '../src/model/result.ts';
import { BadDocumentError, UnsupportedDocumentError } from '../src/model/errors.ts';
import { extractText } from './text.ts';

export const EXTRACTOR_VERSION = '0.1.0';

export interface ExtractHints {
  /** File name or URL path, only a tie-breaker after sniffing. */
  fileName?: string;
  /** HTTP Content-Type header value, when known (its charset is trusted first). */
  contentType?: string;
}

export function sniff(bytes: Uint8Array): Format {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  if (head.startsWith('%PDF')) return 'pdf';
  if (/^\s*(<!doctype html|<html|<head|<body|<meta|<div|<table|<p[\s>])/i.test(head)) return 'html';
  return 'txt';
}

export async function extract(bytes: Uint8Array, hints: ExtractHints = {}): Promise<Result<DocumentModel>> {
  if (bytes.byteLength === 0) throw new BadDocumentError('input.empty', 'the file is empty (0 bytes)');
  const format = sniff(bytes);
  switch (format) {
    case 'txt':
      return extractText(bytes, { charset: /charset=([\w-]+)/i.exec(hints.contentType ?? '')?.[1] });
    default:
      throw new UnsupportedDocumentError('format.unsupported', `format ${format} is not supported yet`);
  }
}
