import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDocument, makeRecord, tempStore } from '../store/fixture-db.ts';
import { saveReport } from '../../src/store/reports.ts';
import { firstDocument } from '../../src/store/document-source.ts';
import { exportDataset } from '../../src/export/index.ts';
import { csvCell, neutralise } from '../../src/export/csv-file.ts';
import { REPORT_COLUMNS } from '../../src/export/columns.ts';
import { ALL_CODES } from '../../src/model/codebook.ts';
import { parseCsv } from './read-csv.ts';

function save(store: ReturnType<typeof tempStore>, text: string, body: string, values: Record<string, number | null>): number {
  const sha = addDocument(store, text, { url: `http://127.0.0.1/${encodeURIComponent(body)}.txt` });
  return saveReport(store.db, {
    sha256: sha, source: firstDocument(store.db, sha), extractorVersion: 'e1', parserVersion: 'p1', status: 'ok',
    record: makeRecord({ body, values }), now: '2026-01-01T00:00:00.000Z',
  }).id;
}

test('neutralise: formula starts get an apostrophe, numbers stay numbers', () => {
  assert.equal(neutralise('=1+1'), "'=1+1");
  for (const s of ['+1', '-1', '@SUM(A1)', '\tx', '\rx']) assert.equal(neutralise(s), `'${s}`);
  assert.equal(neutralise('某某镇'), '某某镇');
  assert.equal(csvCell(-3), '-3');
  assert.equal(csvCell('-3'), "'-3");
  assert.equal(csvCell(null), '');
});

test('export writes BOM + UTF-8, neutralises a body named =1+1, keeps Chinese and column order', async (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  const evil = save(store, 'a', '=1+1', { 's3.new.total': 5, 's2.licensing.items_delta': -3 });
  const good = save(store, 'b', '平潭综合实验区管委会', { 's3.new.total': 7 });
  const out = join(store.dir, 'out');
  const files = await exportDataset(store.db, out);
  assert.deepEqual(files.map((f) => [f.name, f.rows]), [
    ['reports.csv', 2], ['cells.csv', 3], ['checks.csv', 2], ['warnings.csv', 2], ['codebook.csv', ALL_CODES.length], ['corrections.csv', 0],
    ['documents.csv', 2], ['reports.do', REPORT_COLUMNS.length + ALL_CODES.length], ['reports.R', REPORT_COLUMNS.length + ALL_CODES.length],
  ]);
  const raw = readFileSync(join(out, 'reports.csv'));
  assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const rows = parseCsv(raw.subarray(3).toString('utf8'));
  const header = rows[0]!;
  assert.deepEqual(header, [...REPORT_COLUMNS, ...ALL_CODES]);
  const col = (name: string): number => header.indexOf(name);
  const byId = new Map(rows.slice(1).map((r) => [Number(r[0]), r]));
  assert.equal(byId.get(evil)![col('body')], "'=1+1");
  assert.equal(byId.get(good)![col('body')], '平潭综合实验区管委会');
  assert.equal(byId.get(evil)![col('s3.new.total')], '5');
  assert.equal(byId.get(evil)![col('s2.licensing.items_delta')], '-3', 'a negative number is not neutralised');
  assert.equal(byId.get(good)![col('s2.rules.issued')], '', 'not applicable: empty');
  assert.equal(byId.get(good)![col('latest')], '1');
  const codebook = parseCsv(readFileSync(join(out, 'codebook.csv'), 'utf8').slice(1));
  assert.deepEqual(codebook[1]!.slice(0, 6), ['s2.rules.issued', 't2021 hybrid', '二', '第二十条第（一）项', '规章', '本年制发件数']);
});

test('export is deterministic and --no-bom drops the BOM', async (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  save(store, 'a', '某某镇人民政府', { 's3.new.total': 1 });
  const a = join(store.dir, 'a');
  const b = join(store.dir, 'b');
  await exportDataset(store.db, a);
  await exportDataset(store.db, b);
  for (const name of ['reports.csv', 'cells.csv', 'checks.csv']) {
    assert.deepEqual(readFileSync(join(a, name)), readFileSync(join(b, name)), name);
  }
  await exportDataset(store.db, b, { bom: false });
  assert.equal(readFileSync(join(b, 'cells.csv'), 'utf8').slice(0, 9), 'report_id');
  const cells = parseCsv(readFileSync(join(b, 'cells.csv'), 'utf8'));
  assert.deepEqual(cells.slice(1).map((r) => r.slice(1, 4)), [['s3.new.total', '1', 'read']]);
});

test('onlyLatest exports one report per body and year, with its cells', async (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  save(store, 'old', '某某镇人民政府', { 's3.new.total': 1 });
  const newer = save(store, 'new', '某某镇人民政府', { 's3.new.total': 2 });
  const out = join(store.dir, 'latest');
  const files = await exportDataset(store.db, out, { onlyLatest: true, bom: false });
  assert.deepEqual(files.slice(0, 2).map((f) => f.rows), [1, 1]);
  const cells = parseCsv(readFileSync(join(out, 'cells.csv'), 'utf8'));
  assert.deepEqual(cells.slice(1).map((r) => [Number(r[0]), r[2]]), [[newer, '2']]);
});

test('CSV records end with LF, as the README says, with RFC 4180 quoting', async (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  save(store, 'a', '某某镇\n人民政府', { 's3.new.total': 1 });
  const out = join(store.dir, 'out');
  await exportDataset(store.db, out, { bom: false });
  for (const name of ['reports.csv', 'cells.csv', 'checks.csv', 'warnings.csv', 'codebook.csv', 'documents.csv']) {
    const text = readFileSync(join(out, name), 'utf8');
    assert.ok(text.endsWith('\n') && !text.includes('\r'), `${name}: LF line ends`);
  }
  assert.match(readFileSync(join(out, 'reports.csv'), 'utf8'), /,"某某镇\n人民政府",/, 'a line break inside a cell is quoted');
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  assert.match(readme, /lines end with\s+LF/);
});
