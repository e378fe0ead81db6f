// The five real seed reports (extracted text): every cell equals its expected value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBytes } from '../../src/pipeline/parse-file.ts';

const DIR = new URL('../fixtures/seeds/', import.meta.url).pathname;

for (const name of readdirSync(DIR).filter((f) => f.endsWith('.txt'))) {
  test(`seed ${name}: template, year, body and every cell`, async () => {
    const expected = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8'));
    const out = await parseBytes(readFileSync(join(DIR, name)), { file: name });
    assert.equal(out.error, undefined);
    assert.equal(out.template, expected.template);
    assert.equal(out.year, expected.year);
    assert.equal(out.body, expected.body);
    assert.deepEqual(Object.keys(out.values!).sort(), Object.keys(expected.values).sort());
    for (const [code, v] of Object.entries(expected.values)) assert.equal(out.values![code], v, code);
    assert.deepEqual(out.flagged, []);
    // Inferable cells (values lost in the source) must be marked derived, never read.
    for (const code of expected.inferable ?? []) assert.equal(out.cells![code]?.source, 'derived', code);
  });
}
