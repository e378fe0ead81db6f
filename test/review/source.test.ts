// Each read cell's provenance leads the review page to the text it was read from: the marked grid cell (spans
// expanded as the parser does) or the marked part of a text line contains the cell's raw text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../../extractors/index.ts';
import { parseReport } from '../../src/parse/index.ts';
import { sourceView } from '../../src/review/source.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

test('every read cell of the seed and corpus reports is marked where its raw text is', async () => {
  const seen = { table: 0, text: 0 };
  for (const dir of ['seeds', 'corpus']) {
    for (const name of readdirSync(join(FIXTURES, dir)).filter((f) => /\.(txt|html)$/.test(f))) {
      let doc, record;
      try {
        doc = (await extract(readFileSync(join(FIXTURES, dir, name)), { fileName: name })).value;
        record = parseReport(doc).value;
      } catch {
        continue; // an empty file, not a report
      }
      for (const [code, cell] of Object.entries(record.cells)) {
        if (cell.source !== 'read' || cell.kind !== 'number' || cell.raw.includes(' ')) continue; // glued digits: several tokens
        const view = sourceView(doc, cell.provenance, null);
        if (view.table) {
          const marked = view.table.rows.flat().filter((c) => c.mark);
          assert.equal(marked.length, 1, `${name} ${code}`);
          assert.ok(squash(marked[0]!.text).includes(squash(cell.raw)), `${name} ${code}: 「${marked[0]!.text}」 has 「${cell.raw}」`);
          seen.table++;
        } else {
          const line = view.text?.find((l) => l.mark);
          assert.ok(line, `${name} ${code}: a text line is marked`);
          assert.ok(squash(line.text.slice(...line.mark!)).includes(squash(cell.raw)), `${name} ${code}: 「${line.text.slice(...line.mark!)}」 has 「${cell.raw}」`);
          seen.text++;
        }
      }
    }
  }
  assert.ok(seen.table > 1000 && seen.text > 1000, JSON.stringify(seen));
});

test('a derived cell has no place in the source; a PDF cell names its page and box', () => {
  assert.match(sourceView({ format: 'txt', blocks: [] }, {}, 'R3.1').note!, /derived by the rule R3\.1/);
  const doc = {
    format: 'pdf' as const, blocks: [{ kind: 'table' as const, table: { index: 0, page: 2, rows: [
      [{ text: '规章', colSpan: 1, rowSpan: 2 }, { text: '0', colSpan: 2, rowSpan: 1, bbox: [10, 20, 30, 40] as [number, number, number, number] }],
      [{ text: '7', colSpan: 1, rowSpan: 1, bbox: [10, 40, 20, 60] as [number, number, number, number] }, { text: '8', colSpan: 1, rowSpan: 1, bbox: [20, 40, 30, 60] as [number, number, number, number] }],
    ] } }],
  };
  const v = sourceView(doc, { page: 2, table: 0, row: 1, col: 2 }, null);
  assert.equal(v.page, 2);
  assert.deepEqual(v.boxes, [[20, 40, 30, 60]], 'grid column 2 of the second row is its second written cell (the first is under a rowspan)');
});
