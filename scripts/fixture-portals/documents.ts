/**
 * Report documents with known truth, made by the corpus generator (scripts/corpus/) for a given body and year:
 * undamaged national-template reports (t2019 for 2019–2020, t2021 or hybrid after), or 2014–2018 narrative
 * reports. Each gives the HTML content a detail page embeds, a standalone page for rendering to PDF / Word, and
 * its expected values.
 */
import { createHash } from 'node:crypto';
import { makeTitle, publicationDate, type Body } from '../corpus/bodies.ts';
import { buildFreeForm } from '../corpus/build-doc.ts';
import { prepareReport, renderDoc } from '../corpus/corpus.ts';
import { buildExpected } from '../corpus/expected.ts';
import { docSeed, Rng } from '../corpus/prng.ts';
import { contentHtml } from '../corpus/render-html.ts';
import { drawSpec } from '../corpus/spec.ts';
import type { AbstractDoc, Expected, Level } from '../corpus/types.ts';
import type { Values } from '../corpus/values.ts';
import type { TemplateId } from '../../src/model/codebook.ts';

export interface DocContent {
  /** The official title (one line). */
  title: string;
  /** HTML the detail page puts in its content box. */
  content: string;
  /** A bare HTML page with only the document, the input for LibreOffice. */
  standalone: string;
  template: TemplateId;
  /** Publication date (yyyy-mm-dd). */
  date: string;
  expected?: Expected;
  /** The report's values (for 解读 pages quoting them). */
  values?: Values;
}

export interface BodyRef {
  name: string;
  level: Level;
  /** 我县, 本局 … */
  self: string;
  /** The publishing site (county government). */
  site: string;
}

/** A stable 32-bit seed from the portal seed and a text key. */
export function keySeed(seed: number, key: string): number {
  return docSeed(seed, createHash('sha256').update(key).digest().readUInt32LE(0));
}

function templateFor(rng: Rng, year: number): TemplateId {
  if (year < 2019) return 'free_form';
  if (year <= 2020) return 't2019';
  return year >= 2022 && rng.chance(0.15) ? 'hybrid' : 't2021';
}

function standaloneOf(spec: ReturnType<typeof drawSpec>, doc: AbstractDoc): string {
  return renderDoc(new Rng(1), { ...spec, format: 'html' }, { ...doc, html: { ...doc.html, cms: 'none', charset: 'utf-8' } }).source;
}

/**
 * The report of `body` for `year`. `plain` forbids Word-paste markup (split reports are cut at section
 * headings, which must stay whole).
 */
export function reportContent(seed: number, key: string, body: BodyRef, year: number, plain = false): DocContent {
  const rng = new Rng(keySeed(seed, key));
  const template = templateFor(rng, year);
  const spec = drawSpec(rng, { kind: template === 'free_form' ? 'free_form' : 'report', template, format: 'html' });
  const b: Body = { level: body.level, name: body.name, self: body.self, site: body.site };
  Object.assign(spec, { level: body.level, body: b, year, title: makeTitle(rng, body.name, year), date: publicationDate(rng, year) });
  spec.htmlStyle.charset = 'utf-8';
  if (plain) spec.htmlStyle.word = false;
  if (template === 'free_form') {
    const { doc } = buildFreeForm(rng, spec);
    return { title: spec.title.join(''), content: contentHtml(doc, rng), standalone: standaloneOf(spec, doc), template, date: spec.date.iso };
  }
  const { ctx } = prepareReport(rng, spec, { damage: [], ruleBreak: false });
  const expected = buildExpected({
    file: key, body: body.name, year, template, values: ctx.values, damage: [], hidden: ctx.hidden, absent: ctx.absent,
    unrecoverable: ctx.unrecoverable, ruleBreaks: [], meta: { format: 'html', level: body.level },
  });
  return {
    title: spec.title.join(''), content: contentHtml(ctx.doc, rng), standalone: standaloneOf(spec, ctx.doc), template,
    date: spec.date.iso, expected, values: ctx.values,
  };
}

/** Cuts report content into `n` pages at its section headings (三、 and 四、 first). */
export function splitContent(content: string, n: number): string[] {
  const marks = ['三、收到和处理', '四、政府信息公开行政复议', '二、主动公开', '五、存在的主要问题'].slice(0, Math.max(1, n - 1));
  const cuts = marks
    .map((m) => content.indexOf(m))
    .filter((i) => i > 0)
    .map((i) => content.lastIndexOf('\n', i))
    .filter((i) => i > 0)
    .sort((a, b) => a - b);
  const pages: string[] = [];
  let from = 0;
  for (const c of cuts) {
    pages.push(content.slice(from, c));
    from = c + 1;
  }
  pages.push(content.slice(from));
  return pages.filter((p) => p.trim() !== '');
}
