// Glued digits decided by every rule together (src/parse/glued.ts): runs that each fit two splits under their
// own row sum are split when the column rules leave one combination, and left empty when they leave two.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBytes } from '../../src/pipeline/parse-file.ts';
import { reportText } from './report-text.ts';

const parse = (s3: Record<string, string>) => parseBytes(Buffer.from(reportText({ s3 })), { file: 't.txt' });
// 11 0 0 0 0 1 12 glued: also 1 10 0 0 0 1 12 under the row sum.
const GLUED = '110000112';
const ROW = '11\t0\t0\t0\t0\t1\t12';
const row = (code: string, out: Awaited<ReturnType<typeof parse>>) => ['natural_person', 'commercial', 'other_org', 'total'].map((c) => out.values![`s3.${code}.${c}`]);

test('two glued rows that the row sum cannot split are split by the column rules together', async () => {
  const out = await parse({ new: ROW, 'result.granted': GLUED, 'result.total': GLUED });
  assert.deepEqual(row('result.granted', out), [11, 0, 1, 12]);
  assert.deepEqual(row('result.total', out), [11, 0, 1, 12]);
  assert.equal(out.warnings!.filter((w) => w.code === 'parse.digits_split' && /by the rules$/.test(w.message)).length, 2);
  assert.deepEqual(out.flagged, []);
});

test('when two combinations survive every rule, the glued rows stay empty and the warning says how many splits remain', async () => {
  const out = await parse({ new: GLUED, 'result.granted': GLUED, 'result.total': GLUED });
  for (const code of ['new', 'result.granted', 'result.total']) assert.deepEqual(row(code, out), [null, null, null, null], code);
  const ambiguous = out.warnings!.filter((w) => w.code === 'parse.digits_ambiguous');
  assert.equal(ambiguous.length, 3);
  assert.ok(ambiguous.every((w) => /fit 2 splits under the rules; left empty/.test(w.message)));
});

test('the numbers section 一 quotes are evidence only where splits differ in them, and a quote no split fits forces nothing', async () => {
  const text = (quote: string) => reportText({ s3: { new: GLUED, 'result.granted': GLUED, 'result.total': GLUED } })
    .replace('2023年，我镇认真贯彻落实政府信息公开条例。', `2023年，我镇共收到政府信息公开申请${quote}件，上年结转0件。`);
  const decided = await parseBytes(Buffer.from(text('12')), { file: 't.txt' });
  assert.deepEqual(row('new', decided), [null, null, null, null], 'both splits total 12: the quote decides nothing');
  // The quote names a total; splits that differ only inside the row are not decided by it.
  const contradicting = await parseBytes(Buffer.from(text('99')), { file: 't.txt' });
  assert.deepEqual(row('result.total', contradicting), [null, null, null, null]);
  assert.ok(contradicting.checks!.some((c) => c.rule === 'X.5' && c.status === 'not_assessable'));
});
