/**
 * The committed fixed sample (test/fixtures/corpus/): every damage kind with every template, text and HTML,
 * plus a free-form report, a news page and an empty file. Regenerate with
 * `tsx scripts/corpus/fixtures.ts [--out test/fixtures/corpus]` (the folder is emptied first).
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { TemplateId } from '../../src/model/codebook.ts';
import { generateDoc, writeCorpus, type GeneratedDoc } from './corpus.ts';
import { conflicts, DAMAGE_KINDS, TEXT_ONLY, type DamageKind } from './damage/index.ts';
import type { HtmlStyle } from './types.ts';

const TEMPLATES: TemplateId[] = ['t2021', 't2019', 'hybrid'];
const CMS: HtmlStyle['cms'][] = ['trs', 'zoom', 'ucap', 'none'];
const SEED = 20251;

/** Kinds for each document: per template, the next kinds not yet covered that do not conflict (3 at most). */
function groups(): { template: TemplateId; kinds: DamageKind[] }[] {
  const out: { template: TemplateId; kinds: DamageKind[] }[] = [];
  for (const template of TEMPLATES) {
    const left = [...DAMAGE_KINDS];
    while (left.length > 0) {
      const kinds: DamageKind[] = [];
      for (const k of [...left]) {
        if (kinds.length === 3 || kinds.some((x) => conflicts(x, k))) continue;
        if (kinds.some((x) => TEXT_ONLY.includes(x)) !== TEXT_ONLY.includes(k) && kinds.length > 0) continue;
        kinds.push(k);
        left.splice(left.indexOf(k), 1);
      }
      out.push({ template, kinds });
    }
  }
  return out;
}

/** The sample: tries successive document indexes until every planned kind applied. */
export function fixtureSample(): GeneratedDoc[] {
  const docs: GeneratedDoc[] = [];
  let index = 0;
  groups().forEach(({ template, kinds }, j) => {
    const textOnly = kinds.some((k) => TEXT_ONLY.includes(k));
    for (let attempt = 0; attempt < 200; attempt++, index++) {
      const html: Partial<HtmlStyle> = { word: j % 8 === 3, cms: CMS[j % 4]!, charset: j % 5 === 2 ? 'gbk' : 'utf-8' };
      const d = generateDoc(SEED, index, { kind: 'report', template, format: textOnly || j % 2 === 0 ? 'txt' : 'html', damage: kinds, extra: 0, ruleBreak: j % 9 === 4, html });
      if (kinds.every((k) => d.expected.damage.includes(k))) { docs.push(d); index++; return; }
    }
    throw new Error(`no document applies ${kinds.join(', ')}`);
  });
  docs.push(generateDoc(SEED, index++, { kind: 'free_form', format: 'txt', damage: [], extra: 0, ruleBreak: false }));
  docs.push(generateDoc(SEED, index++, { kind: 'news', format: 'html', damage: [], extra: 0, ruleBreak: false, html: { word: false } }));
  docs.push(generateDoc(SEED, index++, { kind: 'empty', format: 'txt', damage: [], extra: 0, ruleBreak: false }));
  return docs;
}

export function main(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string', default: 'test/fixtures/corpus' } } });
  const dir = values.out!;
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) rmSync(join(dir, f));
  const docs = fixtureSample();
  writeCorpus(dir, docs);
  const bytes = docs.reduce((s, d) => s + d.bytes.byteLength, 0);
  process.stdout.write(`wrote ${docs.length} documents (${(bytes / 1024).toFixed(0)} KiB) to ${dir}\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main(process.argv.slice(2));
