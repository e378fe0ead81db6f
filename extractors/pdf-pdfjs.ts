/**
 * PDF → document model through pdf.js: text items and ruling lines per page → pdf-layout.ts. Pages without a
 * usable text layer (scans, fonts without ToUnicode) go to OCR when allowed. The route of every PDF that
 * MuPDF (pdf-mupdf.ts) does not take; loaded only then.
 */
import { BadDocumentError, ExtractionTimeoutError, PipelineError, UnsupportedDocumentError } from '../src/model/errors.ts';
import { warn, type Message, type Result } from '../src/model/result.ts';
import type { DocumentModel } from '../src/model/document.ts';
import type { PageLayoutInput } from './layout-types.ts';
import { ocrPdfPages } from './ocr.ts';
import type { Deadline, ResolvedOptions } from './options.ts';
import { needsOcr, readPage, type PageText } from './pdf-page.ts';
import { openPdf, type PDFDocumentProxy } from './pdfjs.ts';
import { pdfModel } from './pdf-model.ts';

export async function extractPdfWithPdfjs(bytes: Uint8Array, options: ResolvedOptions, deadline: Deadline): Promise<Result<DocumentModel>> {
  const warnings: Message[] = [];
  const doc = await openPdf(bytes);
  try {
    const total = doc.numPages;
    const n = Math.min(total, options.maxPages);
    if (total > n) warnings.push(warn('pdf.pages_truncated', `the PDF has ${total} pages; only the first ${n} were read`));
    const pages: PageLayoutInput[] = [];
    const toOcr: number[] = [];
    for (let i = 1; i <= n; i++) {
      if (deadline.expired()) throw new ExtractionTimeoutError('extract.timeout', `PDF extraction ran out of time at page ${i} of ${n}`);
      const text = await readPdfPage(doc, i);
      pages.push(text.layout);
      if (options.ocr === 'always' || needsOcr(text)) toOcr.push(i);
    }
    let ocr = false;
    if (toOcr.length > 0) {
      if (options.ocr === 'never') {
        if (toOcr.length === n) throw new UnsupportedDocumentError('pdf.no_text_layer', 'the PDF has no usable text layer (scanned or unmapped fonts) and OCR is off');
        warnings.push(warn('pdf.garbled_pages', `pages ${toOcr.join(', ')} have no usable text layer and OCR is off`));
      } else {
        const r = await ocrPdfPages(bytes, toOcr, options, deadline);
        warnings.push(...r.warnings);
        for (const p of r.value) pages[p.page - 1] = p;
        ocr = true;
        if (toOcr.length < n) warnings.push({ code: 'pdf.ocr_pages', level: 'info', message: `pages ${toOcr.join(', ')} were read by OCR` });
      }
    }
    const info = (await doc.getMetadata().catch(() => undefined))?.info as { Title?: unknown } | undefined;
    return pdfModel(pages, total, info?.Title, ocr, warnings);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/**
 * One page through pdf.js. What pdf.js throws on a damaged file (a page tree that loops, a missing object) is
 * the document's fault: `pdf.corrupt`, naming the page.
 */
async function readPdfPage(doc: PDFDocumentProxy, i: number): Promise<PageText> {
  try {
    const page = await doc.getPage(i);
    const text = await readPage(page, i);
    page.cleanup();
    return text;
  } catch (e) {
    if (e instanceof PipelineError) throw e;
    throw new BadDocumentError('pdf.corrupt', `pdf.js could not read page ${i}: ${(e as Error)?.message ?? String(e)}`, { cause: e });
  }
}
