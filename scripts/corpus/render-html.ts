/** Abstract document → HTML content: clean tables with rowspan/colspan, or Word-paste markup. */
import type { Rng } from './prng.ts';
import { splitPoint } from './render-text.ts';
import { shiftCells } from './table-ops.ts';
import type { AbstractDoc, Block, TCell, TTable } from './types.ts';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text inside a cell or paragraph: line breaks as <br>, Word-paste text cut into several spans. */
function inline(text: string, word: boolean, rng: Rng): string {
  if (!word) return esc(text).replace(/\n/g, '<br/>');
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > 1 && rng.chance(0.45)) {
    const k = rng.int(1, rest.length - 1);
    pieces.push(rest.slice(0, k));
    rest = rest.slice(k);
  }
  pieces.push(rest);
  return pieces.map((p) => {
    const body = esc(p).replace(/\n/g, '<br/>');
    return /^[\d.\-]+$/.test(p)
      ? `<span lang=EN-US style='font-size:10.5pt;mso-bidi-font-family:宋体'>${body}</span>`
      : `<span style='font-size:10.5pt;font-family:宋体;mso-ascii-font-family:"Times New Roman";mso-hansi-font-family:"Times New Roman"'>${body}</span>`;
  }).join('') + (rng.chance(0.7) ? '<o:p></o:p>' : '');
}

function cellText(cell: TCell): string {
  return cell.vertical ? [...cell.text.replace(/\s+/g, '')].join('\n') : cell.text;
}

function td(cell: TCell, word: boolean, rng: Rng): string {
  const span = `${(cell.colSpan ?? 1) > 1 ? ` colspan="${cell.colSpan}"` : ''}${(cell.rowSpan ?? 1) > 1 ? ` rowspan="${cell.rowSpan}"` : ''}`;
  const text = cellText(cell);
  if (!word) return `<td${span}>${text === '' ? '' : inline(text, false, rng)}</td>`;
  const width = 40 + 8 * (cell.colSpan ?? 1) * 8;
  const inner = text === '' ? `<span lang=EN-US style='font-size:10.5pt'>&nbsp;<o:p></o:p></span>` : inline(text, true, rng);
  return `<td width=${width}${span} valign=center style='width:${(width * 0.75).toFixed(1)}pt;border:solid windowtext 1.0pt;border-top:none;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>`
    + `<p class=MsoNormal align=center style='text-align:center;mso-pagination:widow-orphan'>${inner}</p></td>`;
}

export function tableHtml(table: TTable, word: boolean, rng: Rng): string {
  const open = word
    ? `<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=600 style='width:450.0pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184'>`
    : '<table border="1" cellspacing="0" cellpadding="0" width="100%">';
  const rows = table.rows.map((row, i) => {
    const cells = row.glued
      ? [...row.cells.filter((c) => c.role !== 'value'), { text: row.cells.filter((c) => c.role === 'value').map((c) => c.text).join(''), colSpan: row.cells.filter((c) => c.role === 'value').length }]
      : shiftCells(row);
    const attrs = word ? ` style='mso-yfti-irow:${i};height:20.0pt'` : '';
    return `<tr${attrs}>${cells.map((c) => td(c, word, rng)).join('')}</tr>`;
  });
  return `${open}\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

function para(text: string, word: boolean, rng: Rng, attrs = ''): string {
  if (!word) return `<p${attrs}>${inline(text, false, rng)}</p>`;
  return `<p class=MsoNormal${attrs} style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;mso-line-height-rule:exactly'>${inline(text, true, rng)}</p>`;
}

function blockHtml(block: Block, word: boolean, rng: Rng): string {
  switch (block.kind) {
    case 'title':
      return block.lines.map((l) => (block.markdown ? `<h1>${esc(l)}</h1>` : `<p align="center"><strong>${esc(l)}</strong></p>`)).join('\n');
    case 'heading': {
      const t = block.text;
      switch (block.style ?? 'plain') {
        case 'plain': return para(t, word, rng);
        case 'markdown': return `<h${Math.min(block.level + 2, 4)}>${esc(t)}</h${Math.min(block.level + 2, 4)}>`;
        case 'bold': return `<p><strong>${esc(t)}</strong></p>`;
        case 'numbered_md': return `<h3><strong>${esc(t)}</strong></h3>`;
        case 'split': { const k = splitPoint(t); return `<p><strong>${esc(t.slice(0, k))}</strong></p>\n<p><strong>${esc(t.slice(k))}</strong></p>`; }
      }
      return '';
    }
    case 'para':
      if (block.role === 'page') return `<p align="center">${esc(block.text)}</p>`;
      if (block.role === 'date' || block.role === 'signature') return `<p align="right">${esc(block.text)}</p>`;
      return block.text.split('\n').map((l) => para(l, word, rng)).join('\n');
    case 'table':
      return tableHtml(block.table, word, rng);
  }
}

/** The report content (what a CMS puts inside its content div). */
export function contentHtml(doc: AbstractDoc, rng: Rng): string {
  return doc.blocks.map((b) => blockHtml(b, doc.html.word, rng)).join('\n');
}
