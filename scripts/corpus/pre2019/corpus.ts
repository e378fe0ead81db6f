/**
 * The pre-2019 corpus of `npm run eval`: generated 2008–2018 reports (template p2008) in text and HTML, each
 * with its expected file. Deterministic per (seed, index); independent of the 2019+ corpus, whose documents
 * and figures it leaves as they are.
 */
import iconv from 'iconv-lite';
import { encodePage, pageHtml } from '../cms.ts';
import type { GeneratedDoc } from '../corpus.ts';
import { docSeed, Rng } from '../prng.ts';
import { contentHtml } from '../render-html.ts';
import { renderText } from '../render-text.ts';
import type { AbstractDoc } from '../types.ts';
import { buildPre2019 } from './build.ts';

export function generatePre2019Doc(seed: number, index: number): GeneratedDoc {
  const rng = new Rng(docSeed(seed ^ 0x2008, index));
  const pre = buildPre2019(rng);
  const hasLines = pre.doc.blocks.some((b) => b.kind === 'para' && b.text.includes('\n'));
  const glued = pre.doc.blocks.some((b) => b.kind === 'table' && b.table.rows.some((r) => r.glued));
  const format = hasLines || glued || rng.chance(0.5) ? 'txt' : 'html';
  const name = `p${String(index).padStart(4, '0')}_p2008_${pre.year}.${format}`;
  let source: string;
  let bytes: Uint8Array;
  if (format === 'txt') {
    if (rng.chance(0.35)) pdfLike(rng, pre.doc);
    source = renderText(pre.doc);
    bytes = new Uint8Array(rng.chance(0.15) ? iconv.encode(source, 'gb18030') : Buffer.from(source, 'utf8'));
  } else {
    source = pageHtml(pre.doc.html, { site: pre.body.site, title: pre.doc.pageTitle, published: pre.date.iso, related: [] }, contentHtml(pre.doc, rng), rng);
    bytes = encodePage(source, pre.doc.html.charset);
  }
  return {
    name, format, bytes, source, spec: null, doc: pre.doc,
    expected: { file: name, ...pre.expected, meta: { format, seed } },
  };
}

/**
 * Text as a PDF extraction leaves it: body paragraphs wrapped at a fixed width (anywhere, numbers included)
 * and now and then a space between a number and its unit.
 */
function pdfLike(rng: Rng, doc: AbstractDoc): void {
  const width = rng.int(26, 40);
  for (const b of doc.blocks) {
    if (b.kind !== 'para' || b.role !== 'body' || b.text.includes('\n')) continue;
    const spaced = b.text.replace(/(\d)(?=[件条次人名个元])/g, (m) => (rng.chance(0.3) ? `${m} ` : m));
    const lines: string[] = [];
    for (let i = 0; i < spaced.length; i += width) lines.push(spaced.slice(i, i + width));
    b.text = lines.join('\n');
  }
}

export function generatePre2019Corpus(opts: { n: number; seed: number }): GeneratedDoc[] {
  return Array.from({ length: opts.n }, (_, i) => generatePre2019Doc(opts.seed, i));
}
