/** Plain text → document model: one paragraph per line (tabs kept: the parser splits cells on them). */
import type { DocumentModel } from '../src/model/document.ts';
import { BadDocumentError } from '../src/model/errors.ts';
import { warn, type Result } from '../src/model/result.ts';
import { decodeText } from './decode.ts';

/** C0 controls and DEL other than tab, line feed, form feed and carriage return. */
const CONTROLS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

export function extractText(bytes: Uint8Array, hints: { charset?: string; maxChars?: number } = {}): Result<DocumentModel> {
  const decoded = decodeText(bytes, hints.charset);
  if (hints.maxChars !== undefined && decoded.text.length > hints.maxChars) {
    throw new BadDocumentError('text.too_large', `the text has ${decoded.text.length} characters; limit ${hints.maxChars}`);
  }
  const { charset, warnings } = decoded;
  // Stray control characters (a NUL from a bad copy) are dropped; tabs, line and page breaks stay.
  const text = decoded.text.replace(CONTROLS, '');
  if (text.length !== decoded.text.length) {
    warnings.push(warn('text.control_chars', `${decoded.text.length - text.length} control characters (NUL …) were dropped`, { level: 'info' }));
  }
  const blocks: DocumentModel['blocks'] = [];
  let offset = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    // A line of only tabs is an empty cell in one-cell-per-line text: kept, the parser decides.
    const row = pipeRow(line);
    if (row !== null) {
      if (row !== '') blocks.push({ kind: 'paragraph', text: row, offset });
    } else if (line.trim() !== '' || line.includes('\t')) blocks.push({ kind: 'paragraph', text: line, offset });
    offset += line.length + 1;
  }
  return { value: { format: 'txt', blocks, charset }, warnings };
}

/** A markdown table's rule line (`| --- | :-: |`). */
const PIPE_RULE = /^\s*\|(\s*:?-+:?\s*\|)+\s*$/;

/**
 * A markdown table row (`| a | | 3 |`, as PDF- and OCR-to-Markdown converters write tables) as tab-separated
 * cells, its empty cells kept; '' for the rule line under a header; null for any other line.
 */
export function pipeRow(line: string): string | null {
  const t = line.trim();
  if (t.length < 3 || !t.startsWith('|') || !t.endsWith('|')) return null;
  if (PIPE_RULE.test(t)) return '';
  return t.slice(1, -1).split('|').map((c) => c.trim()).join('\t');
}
