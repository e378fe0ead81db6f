/**
 * A generated report page → a standalone HTML document holding only the report (the main content found by
 * the HTML extractor, without the site's navigation), ready for LibreOffice to turn into a Word file.
 */
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { decodeHtml } from '../../../extractors/decode.ts';
import { findMainContent } from '../../../extractors/html-content.ts';

const STYLE = `body{font-family:"Noto Serif CJK SC","SimSun",serif;font-size:12pt}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:2pt 3pt;font-size:10pt}`;

export function cleanReportHtml(bytes: Uint8Array): { html: string; title: string } {
  const $ = cheerio.load(decodeHtml(bytes).text);
  const main = findMainContent($);
  const root = $(main.root as Element);
  root.find('script,style,nav,form,iframe').remove();
  root.find('table').attr('border', '1').attr('cellspacing', '0');
  const title = ($('h1').first().text() || $('title').first().text()).trim();
  const hasTitle = title !== '' && root.text().includes(title);
  const body = main.via === 'whole-page' ? ($('body').html() ?? '') : ($.html(root) ?? '');
  const head = `<meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style>`;
  const h1 = hasTitle || !title ? '' : `<h1 style="text-align:center;font-size:16pt">${escapeHtml(title)}</h1>`;
  return { html: `<!DOCTYPE html><html><head>${head}</head><body>${h1}${body}</body></html>`, title };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
