import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { defaultRegistry } from '../../src/divisions/default-registry.ts';
import { resolveBody } from '../../src/divisions/resolve.ts';

const dir = new URL('../fixtures/divisions/seeds/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { file: string; body: string }[];
const text = (file: string): string => readFileSync(new URL(file, dir), 'utf8');

/** What each seed must give: a division code, or null with these candidates. */
const EXPECT: Record<string, { code: string | null; kind: string; candidates?: string[]; warning?: string }> = {
  '闫庄镇人民政府': { code: null, kind: '人民政府', candidates: ['140981104', '410325104'], warning: 'division.ambiguous' },
  '新乡市牧野区花园办事处': { code: '410711004', kind: '街道办事处' },
  '涑水县其中口乡': { code: '130623205', kind: '人民政府', warning: 'division.variant' },
  '临淄区敬仲镇人民政府': { code: '370305103', kind: '人民政府' },
  '牛屯镇': { code: '410526105', kind: '人民政府' },
};

for (const seed of manifest) {
  test(`seed ${seed.body} resolves from its body and text`, () => {
    const want = EXPECT[seed.body];
    const r = resolveBody({ body: seed.body, text: text(seed.file) }, defaultRegistry());
    assert.equal(r.value.division?.code ?? null, want.code);
    assert.equal(r.value.kind, want.kind);
    if (want.code) {
      assert.deepEqual(r.value.candidates.map((c) => c.code), [want.code]);
      assert.equal(r.value.division?.level, 'township');
    }
    if (want.candidates) assert.deepEqual(r.value.candidates.map((c) => c.code).sort(), want.candidates);
    if (want.warning) assert.ok(r.warnings.some((w) => w.code === want.warning), JSON.stringify(r.warnings));
  });

  test(`seed ${seed.body} gives the same answer from its text alone`, () => {
    const r = resolveBody({ body: null, text: text(seed.file) }, defaultRegistry());
    assert.equal(r.value.division?.code ?? null, EXPECT[seed.body].code);
  });
}

test('the 涑水 seed names the real county in its path', () => {
  const r = resolveBody({ body: '涑水县其中口乡' }, defaultRegistry());
  assert.equal(r.value.candidates[0].path, '河北省/保定市/涞水县/其中口乡');
});
