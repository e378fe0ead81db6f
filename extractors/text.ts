/** Plain text → document model: one paragraph per line (tabs kept: the parser splits cells on them). */
import type { DocumentModel } from '../src/model/document.ts';
import type { Result } from '../src/model/result.ts';
import { decodeText } from './decode.ts';

export function extractText(bytes: Uint8Array, hints: { charset?: string } = {}): Result<DocumentModel> {
  const { text, charset, warnings } = decodeText(bytes, hints.charset);
  const blocks: DocumentModel['blocks'] = [];
  let offset = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.trim() !== '') blocks.push({ kind: 'paragraph', text: line, offset });
    offset += line.length + 1;
  }
  return { value: { format: 'txt', blocks, charset }, warnings };
}
