/**
 * The labelled corpus: documents rendered from known values with named damage, each with its expected file.
 * Deterministic: the same (seed, index, plan) always gives the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { buildFreeForm, buildNews, buildReport } from './build-doc.ts';
import { encodePage, pageHtml } from './cms.ts';
import { applyDamages, DAMAGE_KINDS, NEEDS_CONSISTENT_RULES, pickDamages, TEXT_ONLY, type DamageContext, type DamageKind } from './damage/index.ts';
import { buildExpected } from './expected.ts';
import { docSeed, Rng } from './prng.ts';
import { contentHtml } from './render-html.ts';
import { renderText } from './render-text.ts';
import { drawSpec, type DocKind, type DocSpec, type OutFormat } from './spec.ts';
import { codesFor, type TemplateId } from '../../src/model/codebook.ts';
import type { AbstractDoc, Expected, RuleBreak } from './types.ts';
import { breakRule, generateValues, type Values } from './values.ts';

/** Error codes the eval expects for documents that are not reports. */
export const EXPECTED_ERRORS = { empty: 'input.empty', notReport: 'parse.not_report' } as const;

export interface DocPlan {
  kind: DocKind;
  template?: TemplateId;
  format?: OutFormat;
  /** Damage kinds to apply (those that fit); `extra` random ones are added. */
  damage: DamageKind[];
  extra: number;
  ruleBreak: boolean;
  /** Overrides of the drawn HTML style (the fixture sample keeps Word markup rare to stay small). */
  html?: Partial<AbstractDoc['html']>;
}

export interface GeneratedDoc {
  name: string;
  format: OutFormat;
  bytes: Uint8Array;
  expected: Expected;
  /** The undamaged-by-encoding source: text, or the HTML page as a string (for other renderers). */
  source: string;
  spec: DocSpec | null;
  doc: AbstractDoc | null;
}

/** Renders an abstract document in the spec's format (text bytes, or a whole CMS page). */
export function renderDoc(rng: Rng, spec: DocSpec, doc: AbstractDoc, related: string[] = []): { source: string; bytes: Uint8Array } {
  if (spec.format === 'txt') {
    const source = renderText(doc);
    return { source, bytes: new Uint8Array(spec.gbkText ? iconv.encode(source, 'gb18030') : Buffer.from(source, 'utf8')) };
  }
  const source = pageHtml(doc.html, { site: spec.body.site, title: doc.pageTitle, published: spec.date.iso, related }, contentHtml(doc, rng), rng);
  return { source, bytes: encodePage(source, doc.html.charset) };
}

/**
 * A generated report as a bare UTF-8 HTML page with real tables and no CMS chrome: the input for renderers
 * to other formats (DOCX, PDF, scans). Null for the empty file. Text-only damage (glued digits, one cell per
 * line) has no HTML form, so such documents should be skipped by those renderers.
 */
export function standaloneHtml(d: GeneratedDoc): string | null {
  if (!d.doc || !d.spec) return null;
  const doc: AbstractDoc = { ...d.doc, html: { ...d.doc.html, cms: 'none', charset: 'utf-8' } };
  return renderDoc(new Rng(1), { ...d.spec, format: 'html' }, doc).source;
}

function relatedLinks(rng: Rng, spec: DocSpec): string[] {
  if (!rng.chance(0.5)) return [];
  return [1, 2].map((d) => `${spec.body.name}${spec.year - d}年政府信息公开工作年度报告`);
}

function fileName(index: number, spec: DocSpec | null, kind: DocKind, ext: string): string {
  const tag = kind === 'report' ? spec!.template : kind;
  return `${String(index).padStart(4, '0')}_${tag}_${spec?.year ?? 0}.${ext}`;
}

/** A report before damage: values (with the planned rule break), the built document and a damage context. */
export function prepareReport(rng: Rng, spec: DocSpec, plan: Pick<DocPlan, 'damage' | 'ruleBreak'>): { ctx: DamageContext; ruleBreaks: RuleBreak[] } {
  const values: Values = generateValues(rng, { level: spec.level, template: spec.template, feeDecimals: spec.number.feeDecimals });
  const canBreak = plan.ruleBreak && !plan.damage.some((k) => NEEDS_CONSISTENT_RULES.includes(k));
  const ruleBreaks: RuleBreak[] = canBreak ? breakRule(rng, spec.template, values) : [];
  const doc = buildReport(rng, spec, values);
  return { ctx: { rng, spec, doc, values, hidden: new Set(), absent: new Set(), unrecoverable: new Set(), ruleBroken: ruleBreaks.length > 0 }, ruleBreaks };
}

/** One document from a plan. */
export function generateDoc(seed: number, index: number, plan: DocPlan): GeneratedDoc {
  const rng = new Rng(docSeed(seed, index));
  if (plan.kind === 'empty') {
    const name = fileName(index, null, 'empty', plan.format ?? 'txt');
    return { name, format: plan.format ?? 'txt', bytes: new Uint8Array(0), source: '', spec: null, doc: null,
      expected: { file: name, body: null, year: null, template: 'unknown', values: {}, damage: [], error: EXPECTED_ERRORS.empty, meta: { format: plan.format ?? 'txt', seed } } };
  }
  const format = plan.format ?? (plan.damage.some((k) => TEXT_ONLY.includes(k)) ? 'txt' : undefined);
  const spec = drawSpec(rng, { kind: plan.kind, template: plan.template, format });
  Object.assign(spec.htmlStyle, plan.html ?? {});
  const name = fileName(index, spec, plan.kind, spec.format);
  const meta = { format: spec.format, level: spec.level, charset: spec.format === 'html' ? spec.htmlStyle.charset : spec.gbkText ? 'gb18030' : 'utf-8', seed };
  if (plan.kind !== 'report') {
    const free = plan.kind === 'news' ? null : buildFreeForm(rng, spec);
    const doc = free?.doc ?? buildNews(rng, spec);
    const out = renderDoc(rng, spec, doc);
    // The free-form reports are of 2014–2018: template p2008, their sentences' figures under the p.* codes.
    const expected: Expected = free === null
      ? { file: name, body: null, year: null, template: 'unknown', values: {}, damage: [], error: EXPECTED_ERRORS.notReport, meta }
      : { file: name, body: spec.body.name, year: spec.year, template: 'p2008', values: Object.fromEntries(codesFor('p2008').map((c) => [c, free.values[c] ?? null])), damage: [], meta };
    return { name, format: spec.format, ...out, expected, spec, doc };
  }
  const { ctx, ruleBreaks } = prepareReport(rng, spec, plan);
  const { doc, values } = ctx;
  let kinds = pickDamages(rng, ctx, plan.damage, plan.extra);
  if (ruleBreaks.length > 0) kinds = kinds.filter((k) => !NEEDS_CONSISTENT_RULES.includes(k));
  const applied = applyDamages(ctx, kinds);
  const out = renderDoc(rng, spec, doc, relatedLinks(rng, spec));
  const expected = buildExpected({
    file: name, body: spec.body.name, year: spec.year, template: spec.template, values, damage: applied,
    hidden: ctx.hidden, absent: ctx.absent, unrecoverable: ctx.unrecoverable, ruleBreaks,
    meta: { ...meta, layout: spec.format === 'txt' ? `${JSON.stringify(doc.text.sep)}/${doc.text.spans}` : `${doc.html.cms}${doc.html.word ? '/word' : ''}` },
  });
  return { name, format: spec.format, ...out, expected, spec, doc };
}

const TEMPLATES: TemplateId[] = ['t2021', 't2019', 'hybrid'];

/** The plan of document `i` in a corpus of `n`: every damage kind and template in turn, a few non-reports. */
export function planFor(seed: number, i: number, n: number): DocPlan {
  const rng = new Rng(docSeed(seed ^ 0x5bd1e995, i));
  if (i === n - 1) return { kind: 'empty', damage: [], extra: 0, ruleBreak: false };
  if (i % 37 === 17) return { kind: 'news', format: rng.chance(0.7) ? 'html' : 'txt', damage: [], extra: 0, ruleBreak: false };
  if (i % 29 === 11) return { kind: 'free_form', damage: [], extra: 0, ruleBreak: false };
  const template = TEMPLATES[i % 3]!;
  if (i % 7 === 0) return { kind: 'report', template, damage: [], extra: 0, ruleBreak: rng.chance(0.2) };
  const primary = DAMAGE_KINDS[Math.floor(i / 3) % DAMAGE_KINDS.length]!;
  return { kind: 'report', template, damage: [primary], extra: rng.int(0, 2), ruleBreak: rng.chance(0.05) };
}

export interface CorpusOptions {
  n: number;
  seed: number;
  /** Restrict formats (default both). */
  formats?: OutFormat[];
}

export function generateCorpus(opts: CorpusOptions): GeneratedDoc[] {
  return Array.from({ length: opts.n }, (_, i) => {
    const plan = planFor(opts.seed, i, opts.n);
    const forced = opts.formats?.length === 1 ? opts.formats[0] : plan.format;
    return generateDoc(opts.seed, i, { ...plan, format: forced });
  });
}

/** Writes each document and its `<file>.expected.json` into `dir`. */
export function writeCorpus(dir: string, docs: GeneratedDoc[]): void {
  mkdirSync(dir, { recursive: true });
  for (const d of docs) {
    writeFileSync(join(dir, d.name), d.bytes);
    writeFileSync(join(dir, `${d.name}.expected.json`), `${JSON.stringify(d.expected, null, 1)}\n`);
  }
}
