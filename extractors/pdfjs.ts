/**
 * Loading pdf.js (legacy build, Node 20) with the package's own cMaps and standard fonts — never the network —
 * and mapping its failures to typed errors.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { BadDocumentError } from '../src/model/errors.ts';
import { hasEofMarker } from './pdf-text-layer.ts';

const DIST = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export { pdfjs };
export type { PDFDocumentProxy };

/** Opens a PDF. Throws BadDocumentError `pdf.truncated`, `pdf.encrypted` or `pdf.corrupt`. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  if (!hasEofMarker(bytes)) {
    throw new BadDocumentError('pdf.truncated', 'the PDF has no %%EOF marker at its end (truncated download or damaged file)');
  }
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdf.js transfers (detaches) the buffer it is given
    cMapUrl: `${DIST}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${DIST}/standard_fonts/`,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = (e as Error)?.name ?? '';
    if (name === 'PasswordException') throw new BadDocumentError('pdf.encrypted', 'the PDF is encrypted with a password', { cause: e });
    throw new BadDocumentError('pdf.corrupt', `pdf.js could not open the PDF: ${(e as Error)?.message ?? String(e)}`, { cause: e });
  }
}
