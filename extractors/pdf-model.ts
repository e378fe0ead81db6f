/** Page layouts of a PDF (from either route) → the document model, with the Title when it is Chinese. */
import type { DocumentModel } from '../src/model/document.ts';
import { ok, warn, type Message, type Result } from '../src/model/result.ts';
import type { PageLayoutInput } from './layout-types.ts';
import { cleanText } from './normalise.ts';
import { layoutPages } from './pdf-layout.ts';

export function pdfModel(pages: PageLayoutInput[], total: number, rawTitle: unknown, ocr: boolean, warnings: Message[]): Result<DocumentModel> {
  const layout = layoutPages(pages);
  warnings.push(...layout.warnings);
  const title = typeof rawTitle === 'string' && /\p{Script=Han}/u.test(rawTitle) ? cleanText(rawTitle) : undefined;
  const model: DocumentModel = { format: 'pdf', blocks: layout.blocks, lines: layout.lines, pages: total };
  if (title) model.title = title;
  if (ocr) model.ocr = true;
  if (layout.blocks.length === 0) warnings.push(warn('pdf.empty', 'no text was found in the PDF'));
  return ok(model, warnings);
}
