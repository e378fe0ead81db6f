/** Plain text → document model: one paragraph per line (tabs kept: the parser splits cells on them). */
import type { DocumentModel } from '../src/model/document.ts';
import type { Result } from '../src/model/result.ts';
import { decodeText } from './decode.ts';

export function extractText(bytes: Uint8Array, hints: { charset?: string } = {}): Result<DocumentModel> {
  const { text, charset, warnings } = decodeText(bytes, hints.charset);
  const blocks: DocumentModel['blocks'] = [];
  let offset = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    // A line of only tabs is an empty cell in one-cell-per-line text: kept, the parser decides.
    if (line.trim() !== '' || line.includes('\t')) blocks.push({ kind: 'paragraph', text: line, offset });
    offset += line.length + 1;
  }
  return { value: { format: 'txt', blocks, charset }, warnings };
}
