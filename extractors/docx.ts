/**
 * DOCX → HTML (mammoth keeps colspan/rowspan) → the HTML path. The zip is checked for bombs first: the sizes
 * its directory declares, then the bytes its text parts really inflate to (headers can lie). Images are never
 * inflated (their text is nothing to us).
 */
import mammoth from 'mammoth';
import type { DocumentModel, Format } from '../src/model/document.ts';
import { BadDocumentError } from '../src/model/errors.ts';
import { ok, warn, type Message, type Result } from '../src/model/result.ts';
import { htmlToModel } from './html.ts';
import { checkInflated, checkZipBomb, isZip, readZipDirectory } from './zip.ts';

export interface DocxOptions {
  maxUnzippedBytes: number;
  maxZipRatio: number;
  /** The most bytes the parts mammoth reads (XML, relationships) may really inflate to. */
  maxDocxTextBytes: number;
  /** Format recorded in the model (`doc`/`wps`/`rtf` when the DOCX came from LibreOffice). Default `docx`. */
  format?: Format;
}

/** Parts mammoth never inflates when images are not converted. */
const MEDIA = /^word\/(media|embeddings)\//;
/** Images become empty <img> elements: their bytes are never read. */
const NO_IMAGE = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

export async function extractDocx(bytes: Uint8Array, o: DocxOptions): Promise<Result<DocumentModel>> {
  if (!isZip(bytes)) throw new BadDocumentError('docx.not_zip', 'the DOCX file is not a zip archive');
  const entries = readZipDirectory(bytes);
  checkZipBomb(entries, o);
  if (!entries.some((e) => e.name === 'word/document.xml')) throw new BadDocumentError('docx.corrupt', 'the zip has no word/document.xml');
  checkInflated(bytes, entries.filter((e) => !MEDIA.test(e.name)), o.maxDocxTextBytes);
  let html: string;
  const warnings: Message[] = [];
  try {
    const r = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { ignoreEmptyParagraphs: true, convertImage: NO_IMAGE },
    );
    html = r.value;
    for (const m of r.messages) {
      if (m.type === 'error') warnings.push(warn('docx.reader', m.message));
    }
  } catch (e) {
    throw new BadDocumentError('docx.corrupt', `mammoth could not read the DOCX: ${(e as Error).message}`, { cause: e });
  }
  const model = htmlToModel(`<html><body>${html}</body></html>`, { wholeBody: true, format: o.format ?? 'docx' });
  return ok(model.value, [...warnings, ...model.warnings]);
}
