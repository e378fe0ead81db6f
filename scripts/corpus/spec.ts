/** What one generated document is: kind, template, body, year, styles. Drawn from a per-document Rng. */
import type { TemplateId } from '../../src/model/codebook.ts';
import { levelFor, makeBody, makeTitle, publicationDate, type Body } from './bodies.ts';
import type { Rng } from './prng.ts';
import { FEE_HEADERS, type NumberStyle, type S2Options } from './tables.ts';
import type { HeadingStyle, HtmlStyle, Level, TextStyle } from './types.ts';

export type DocKind = 'report' | 'free_form' | 'news' | 'empty';
export type OutFormat = 'txt' | 'html';

export interface DocSpec {
  kind: DocKind;
  template: TemplateId;
  level: Level;
  body: Body;
  year: number;
  format: OutFormat;
  title: string[];
  titleMarkdown: boolean;
  headingStyle: HeadingStyle;
  preamble: boolean;
  textStyle: TextStyle;
  htmlStyle: HtmlStyle;
  number: NumberStyle;
  s2: S2Options;
  date: { text: string; iso: string };
  /** Text files only: GBK bytes instead of UTF-8. */
  gbkText: boolean;
}

export interface SpecOptions {
  kind?: DocKind;
  template?: TemplateId;
  format?: OutFormat;
}

function yearFor(rng: Rng, kind: DocKind, template: TemplateId): number {
  if (kind === 'free_form') return rng.int(2014, 2018);
  if (template === 't2019') return rng.pick([2019, 2020]);
  if (template === 'hybrid') return rng.int(2022, 2025);
  return rng.int(2021, 2025);
}

export function drawSpec(rng: Rng, opts: SpecOptions = {}): DocSpec {
  const kind = opts.kind ?? 'report';
  const template = opts.template ?? (kind === 'free_form' ? 'free_form' : kind === 'report' ? rng.weighted([['t2021', 6], ['t2019', 3], ['hybrid', 2]] as const) : 'unknown');
  const level = levelFor(rng);
  const body = makeBody(rng, level);
  const year = yearFor(rng, kind, template);
  const format = opts.format ?? (rng.chance(0.5) ? 'txt' : 'html');
  const sep = rng.weighted([['\t', 7], [' ', 2], ['  ', 1]] as const);
  const feeDecimals = rng.weighted([[0, 3], [1, 1], [2, 3], [4, 2], [6, 1]] as const);
  return {
    kind, template, level, body, year, format,
    title: makeTitle(rng, body.name, year),
    titleMarkdown: format === 'txt' && rng.chance(0.25),
    headingStyle: 'plain',
    preamble: rng.chance(0.7),
    textStyle: { sep, spans: sep === '\t' && rng.chance(0.75) ? 'expand' : 'collapse', cellPerLine: false, blankLines: rng.chance(0.7) },
    htmlStyle: {
      word: rng.chance(0.4),
      charset: rng.chance(0.3) ? 'gbk' : 'utf-8',
      cms: rng.weighted([['trs', 3], ['zoom', 3], ['ucap', 2], ['none', 1]] as const),
    },
    number: { feeDecimals, trimZeros: rng.chance(0.5), yuanSuffix: rng.chance(0.6) },
    s2: { feeHeader: feeDecimals === 4 && rng.chance(0.6) ? FEE_HEADERS[1]! : rng.pick(FEE_HEADERS), asciiBrackets: rng.chance(0.3) },
    date: publicationDate(rng, year),
    gbkText: format === 'txt' && rng.chance(0.1),
  };
}
