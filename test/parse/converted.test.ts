// Tables as third-party converters write them (markdown pipe tables cut into pieces, fragmented or generic
// headers, a section printed twice) and rows of glued digits: generated reports with known values, parsed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateDoc } from '../../scripts/corpus/corpus.ts';
import type { DamageKind } from '../../scripts/corpus/damage/index.ts';
import { scoreDoc } from '../../scripts/corpus/eval-score.ts';
import { parseBytes } from '../../src/pipeline/parse-file.ts';
import { pipeRow } from '../../extractors/text.ts';

const KINDS: DamageKind[] = ['split_tables', 'fragmented_headers', 'generic_headers', 'duplicated_section', 'glued_rows'];

test('markdown pipe rows become tab-separated cells, empty cells kept, the rule line dropped', () => {
  assert.equal(pipeRow('| (一) 予以公开 |  | 3 | 0 |'), '(一) 予以公开\t\t3\t0');
  assert.equal(pipeRow('| --- | :-: | --- |'), '');
  assert.equal(pipeRow('一、总体情况'), null);
  assert.equal(pipeRow('|'), null);
});

for (const kind of KINDS) {
  test(`${kind}: every template's cells read right (or left empty where the damage leaves them unknowable), none wrong`, async () => {
    for (const [i, template] of (['t2021', 't2019', 'hybrid'] as const).entries()) {
      const d = generateDoc(7101, i, { kind: 'report', template, format: 'txt', damage: [kind], extra: 0, ruleBreak: false });
      assert.ok(d.expected.damage.includes(kind), `${kind} applied to ${template}`);
      const out = await parseBytes(d.bytes, { file: d.name });
      const s = scoreDoc(d.expected, out);
      assert.equal(s.templateOk, true, `${d.name}: template ${out.template}`);
      assert.equal(s.cells.wrong, 0, `${d.name}: ${JSON.stringify(s.outcomes.filter((o) => o.status === 'wrong').slice(0, 3))}`);
      assert.equal(s.cells.missing, 0, `${d.name}: ${JSON.stringify(s.outcomes.filter((o) => o.status === 'missing').slice(0, 3))}`);
    }
  });
}

test('generic column names (数据1 … 数据15) are never values', async () => {
  const d = generateDoc(7101, 0, { kind: 'report', template: 't2021', format: 'txt', damage: ['generic_headers'], extra: 0, ruleBreak: false });
  assert.match(new TextDecoder().decode(d.bytes), /数据15/);
  const out = await parseBytes(d.bytes, { file: d.name });
  assert.equal(out.values!['s4.review.upheld'], d.expected.values['s4.review.upheld']);
});
