import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codesFor, type TemplateId } from '../../../src/model/codebook.ts';
import { generateCorpus, generateDoc, prepareReport, renderDoc } from '../../../scripts/corpus/corpus.ts';
import { DAMAGE_BY_KIND, DAMAGE_KINDS, TEXT_ONLY } from '../../../scripts/corpus/damage/index.ts';
import { Rng } from '../../../scripts/corpus/prng.ts';
import { failingChecks } from '../../../scripts/corpus/rules.ts';
import { drawSpec } from '../../../scripts/corpus/spec.ts';
import { generateValues } from '../../../scripts/corpus/values.ts';
import type { Level } from '../../../scripts/corpus/types.ts';

const TEMPLATES: TemplateId[] = ['t2021', 't2019', 'hybrid'];
const LEVELS: Level[] = ['township', 'street', 'department', 'county', 'district', 'city'];

test('the same seed gives the same bytes and expected files; another seed does not', () => {
  const a = generateCorpus({ n: 24, seed: 7 });
  const b = generateCorpus({ n: 24, seed: 7 });
  const c = generateCorpus({ n: 24, seed: 8 });
  assert.deepEqual(a.map((d) => d.name), b.map((d) => d.name));
  a.forEach((d, i) => {
    assert.deepEqual(Buffer.from(d.bytes), Buffer.from(b[i]!.bytes), d.name);
    assert.deepEqual(d.expected, b[i]!.expected);
  });
  assert.notDeepEqual(a.map((d) => Buffer.from(d.bytes).toString('base64')), c.map((d) => Buffer.from(d.bytes).toString('base64')));
});

test('clean values satisfy every rule, for every template and level', () => {
  const rng = new Rng(3);
  for (const template of TEMPLATES) {
    for (const level of LEVELS) {
      for (let i = 0; i < 20; i++) {
        const v = generateValues(rng, { level, template, feeDecimals: 2 });
        assert.deepEqual(Object.keys(v), codesFor(template));
        assert.deepEqual(failingChecks(template, v), [], `${template} ${level}`);
        for (const [code, x] of Object.entries(v)) {
          assert.ok(x !== null && Number.isFinite(x), code);
          if (!code.endsWith('items_delta')) assert.ok(x >= 0, `${code} = ${x}`);
        }
      }
    }
  }
});

test('expected files: rules hold except the recorded breaks, and every template code is present', () => {
  const docs = generateCorpus({ n: 120, seed: 11 });
  let breaks = 0;
  for (const d of docs) {
    const e = d.expected;
    if (e.error) continue;
    assert.deepEqual(Object.keys(e.values), codesFor(e.template), d.name);
    const failed = failingChecks(e.template, e.values).map((eq) => eq.rule).sort();
    assert.deepEqual(failed, (e.rule_breaks ?? []).map((r) => r.rule).sort(), d.name);
    if (e.rule_breaks) breaks++;
    for (const c of e.unrecoverable ?? []) assert.ok(c in e.values, c);
  }
  assert.ok(breaks > 0, 'some documents break a rule on purpose');
  assert.ok(docs.some((d) => d.expected.error === 'input.empty'));
  assert.ok(docs.some((d) => d.expected.template === 'p2008'), 'the free-form reports of 2014–2018 are p2008');
  assert.ok(docs.some((d) => d.format === 'html') && docs.some((d) => d.format === 'txt'));
});

test('each damage function changes the rendered output', () => {
  for (const kind of DAMAGE_KINDS) {
    let changed = false;
    for (let i = 0; i < 12 && !changed; i++) {
      const format = TEXT_ONLY.includes(kind) || i % 2 === 0 ? 'txt' : 'html';
      const rng = new Rng(100 + i);
      const spec = drawSpec(rng, { kind: 'report', template: TEMPLATES[i % 3], format });
      const { ctx } = prepareReport(rng, spec, { damage: [], ruleBreak: false });
      const damage = DAMAGE_BY_KIND.get(kind)!;
      if (!damage.fits(ctx)) continue;
      const before = renderDoc(new Rng(1), spec, structuredClone(ctx.doc)).source;
      if (!damage.apply(ctx)) continue;
      const after = renderDoc(new Rng(1), spec, ctx.doc).source;
      assert.notEqual(after, before, kind);
      changed = true;
    }
    assert.ok(changed, `${kind} never applied`);
  }
});

test('hidden cells: zero-total merged rows are inferable, dashes in section 二 unrecoverable, a missing 四 is null', () => {
  let merged = false;
  let dash = false;
  let missing = false;
  for (let i = 0; i < 60; i++) {
    const d = generateDoc(5, i, { kind: 'report', template: TEMPLATES[i % 3], damage: [(['merged_values', 'dash_zeros', 'missing_table'] as const)[i % 3]!], extra: 0, ruleBreak: false });
    const e = d.expected;
    if (e.damage.includes('merged_values') && e.inferable?.length) {
      merged = true;
      for (const c of e.inferable) if (e.values[c.replace(/\.[a-z_]+$/, '.total')] === 0) assert.equal(e.values[c], 0, c);
    }
    if (e.damage.includes('dash_zeros')) {
      for (const c of e.unrecoverable ?? []) if (c.startsWith('s2.')) dash = true;
    }
    if (e.damage.includes('missing_table')) {
      missing = true;
      for (const c of codesFor(e.template).filter((x) => x.startsWith('s4.'))) assert.equal(e.values[c], null);
    }
  }
  assert.ok(merged && dash && missing);
});
