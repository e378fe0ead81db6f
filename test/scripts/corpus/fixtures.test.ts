import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { codesFor } from '../../../src/model/codebook.ts';
import { generateCorpus, standaloneHtml } from '../../../scripts/corpus/corpus.ts';
import { DAMAGE_KINDS } from '../../../scripts/corpus/damage/index.ts';
import { labelledFiles } from '../../../scripts/corpus/eval-files.ts';
import { failingChecks } from '../../../scripts/corpus/rules.ts';

const DIR = 'test/fixtures/corpus';

test('the committed sample covers every damage kind with every template, in text and HTML, under 1 MB', () => {
  const files = labelledFiles(DIR);
  const seen = new Set(files.flatMap((f) => f.expected.damage.map((k) => `${k}/${f.expected.template}`)));
  for (const k of DAMAGE_KINDS) for (const t of ['t2021', 't2019', 'hybrid']) assert.ok(seen.has(`${k}/${t}`), `${k} × ${t}`);
  assert.ok(files.some((f) => f.name.endsWith('.html')) && files.some((f) => f.name.endsWith('.txt')));
  assert.ok(files.some((f) => f.expected.error === 'input.empty') && files.some((f) => f.expected.error === 'parse.not_report'));
  const bytes = files.reduce((s, f) => s + statSync(f.path).size + statSync(`${f.path}.expected.json`).size, 0);
  assert.ok(bytes < 1_000_000, `${bytes} bytes`);
});

test('the committed expected files are consistent: template codes, rules, rule breaks', () => {
  for (const f of labelledFiles(DIR)) {
    const e = f.expected;
    assert.equal(e.file, f.name);
    if (e.error) continue;
    assert.deepEqual(Object.keys(e.values), codesFor(e.template), f.name);
    assert.deepEqual(failingChecks(e.template, e.values).map((x) => x.rule).sort(), (e.rule_breaks ?? []).map((x) => x.rule).sort(), f.name);
  }
});

test('GBK pages declare their charset in a meta tag', () => {
  for (const f of labelledFiles(DIR).filter((x) => x.name.endsWith('.html'))) {
    const head = readFileSync(join(DIR, f.name)).subarray(0, 400).toString('latin1');
    if (f.expected.meta?.charset === 'gbk') assert.match(head, /charset="?(gbk|gb2312|GBK)/);
  }
});

test('standalone HTML for other renderers has tables and no CMS chrome', () => {
  const d = generateCorpus({ n: 6, seed: 4 }).find((x) => x.expected.template === 't2021' && x.doc)!;
  const html = standaloneHtml(d)!;
  assert.match(html, /<table/);
  assert.doesNotMatch(html, /当前位置|TRS_Editor|ucapcontent/);
});
