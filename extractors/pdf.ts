/**
 * PDF → document model. A text PDF goes through MuPDF (pdf-mupdf.ts: one `mutool` process, about the cost of
 * `pdftotext`); whatever that route does not reproduce exactly (pages for OCR, blank pages, rotated or
 * vertical text, damaged or encrypted files, no mutool) goes through pdf.js (pdf-pdfjs.ts), loaded only then.
 * Both give the same words and ruling segments to pdf-layout.ts (bench/README.md: "Text PDFs").
 */
import type { DocumentModel } from '../src/model/document.ts';
import { BadDocumentError } from '../src/model/errors.ts';
import { warn, type Message, type Result } from '../src/model/result.ts';
import type { Deadline, ResolvedOptions } from './options.ts';
import { pdfModel } from './pdf-model.ts';
import { readPdfMupdf } from './pdf-mupdf.ts';
import { hasEofMarker } from './pdf-text-layer.ts';

export async function extractPdf(bytes: Uint8Array, options: ResolvedOptions, deadline: Deadline): Promise<Result<DocumentModel>> {
  if (!hasEofMarker(bytes)) throw new BadDocumentError('pdf.truncated', 'the PDF has no %%EOF marker at its end (truncated download or damaged file)');
  const mu = options.ocr === 'always' ? null : await readPdfMupdf(bytes, options, deadline);
  if (mu) {
    const warnings: Message[] = [];
    const n = mu.texts.length;
    if (mu.pages > n) warnings.push(warn('pdf.pages_truncated', `the PDF has ${mu.pages} pages; only the first ${n} were read`));
    return pdfModel(mu.texts.map((t) => t.layout), mu.pages, mu.title, false, warnings);
  }
  const { extractPdfWithPdfjs } = await import('./pdf-pdfjs.ts');
  return extractPdfWithPdfjs(bytes, options, deadline);
}
