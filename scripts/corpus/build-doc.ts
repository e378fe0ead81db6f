/** Spec + values → abstract document (the undamaged report, free-form report or news page). */
import type { Rng } from './prng.ts';
import { freeFormReport, newsItem, preamble, section1, section5, section6 } from './prose.ts';
import type { DocSpec } from './spec.ts';
import { section2Table, section3Table, section4Table } from './tables.ts';
import type { AbstractDoc, Block } from './types.ts';
import type { Values } from './values.ts';

export const HEADINGS: Record<string, string> = {
  一: '一、总体情况',
  二: '二、主动公开政府信息情况',
  三: '三、收到和处理政府信息公开申请情况',
  四: '四、政府信息公开行政复议、行政诉讼情况',
  五: '五、存在的主要问题及改进情况',
  六: '六、其他需要报告的事项',
};

function heading(section: string, spec: DocSpec): Block {
  return { kind: 'heading', text: HEADINGS[section]!, level: 1, section, style: spec.headingStyle };
}

const paras = (texts: string[]): Block[] => texts.map((text) => ({ kind: 'para', text, role: 'body' }));

function ending(spec: DocSpec): Block[] {
  return [{ kind: 'para', text: spec.body.name, role: 'signature' }, { kind: 'para', text: spec.date.text, role: 'date' }];
}

function doc(spec: DocSpec, blocks: Block[], pageTitle: string): AbstractDoc {
  return { blocks, text: { ...spec.textStyle }, html: { ...spec.htmlStyle }, pageTitle };
}

export function buildReport(rng: Rng, spec: DocSpec, values: Values): AbstractDoc {
  const { template, year, body } = spec;
  const blocks: Block[] = [{ kind: 'title', lines: spec.title, markdown: spec.titleMarkdown }];
  if (spec.preamble) blocks.push({ kind: 'para', text: preamble(rng, body, year, template, false), role: 'preamble' });
  blocks.push(heading('一', spec), ...paras(section1(rng, body, year, values)));
  blocks.push(heading('二', spec), { kind: 'table', table: section2Table(template, values, spec.number, spec.s2) });
  blocks.push(heading('三', spec), { kind: 'table', table: section3Table(template, values, spec.number) });
  blocks.push(heading('四', spec), { kind: 'table', table: section4Table(values, spec.number) });
  blocks.push(heading('五', spec), ...paras(section5(rng)));
  blocks.push(heading('六', spec), ...paras(section6(rng, year, template)));
  blocks.push(...ending(spec));
  return doc(spec, blocks, spec.title.join(''));
}

/** A pre-2019 narrative report and what its sentences state (`p.*` codes). */
export function buildFreeForm(rng: Rng, spec: DocSpec): { doc: AbstractDoc; values: Record<string, number> } {
  const { headings, paras: texts, values } = freeFormReport(rng, spec.body, spec.year);
  const blocks: Block[] = [{ kind: 'title', lines: spec.title, markdown: spec.titleMarkdown }];
  headings.forEach((h, i) => blocks.push({ kind: 'heading', text: h, level: 1, style: spec.headingStyle }, ...paras(texts[i]!)));
  blocks.push(...ending(spec));
  return { doc: doc(spec, blocks, spec.title.join('')), values };
}

export function buildNews(rng: Rng, spec: DocSpec): AbstractDoc {
  const news = newsItem(rng, spec.body, spec.year);
  return doc(spec, [{ kind: 'title', lines: [news.title] }, ...paras(news.paras), { kind: 'para', text: spec.date.text, role: 'date' }], news.title);
}
