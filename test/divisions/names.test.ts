import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  adminSuffix, aliasesOf, editDistance, normalizeName, renamedForms, shortFormOf, variantWorthy,
} from '../../src/divisions/names.ts';
import { isConfusableVariant, plausibleMisspelling } from '../../src/divisions/similar.ts';

test('normalizeName drops markup, spaces and everything from the year on', () => {
  assert.equal(normalizeName('# 新乡市牧野区花园办事处2022年政府信息公开工作年度报告'), '新乡市牧野区花园办事处');
  assert.equal(normalizeName('牛屯镇 2023 年政府信息公开工作年度报告'), '牛屯镇');
  assert.equal(normalizeName('  临淄区　敬仲镇人民政府 '), '临淄区敬仲镇人民政府');
  assert.equal(normalizeName('**闫庄镇人民政府**'), '闫庄镇人民政府');
  assert.equal(normalizeName('2022年政府信息公开工作年度报告'), '');
});

test('adminSuffix finds the longest ending and never the whole name', () => {
  assert.equal(adminSuffix('花园街道办事处'), '街道办事处');
  assert.equal(adminSuffix('其中口乡'), '乡');
  assert.equal(adminSuffix('鄂温克族自治旗'), '自治旗');
  assert.equal(adminSuffix('卫生健康局'), null);
  assert.equal(adminSuffix('县'), null);
});

test('aliasesOf spells a 街道 the ways titles do', () => {
  assert.deepEqual(aliasesOf('花园街道').sort(), ['花园办事处', '花园街道办事处'].sort());
  assert.deepEqual(aliasesOf('漓东街道办事处').sort(), ['漓东办事处', '漓东街道'].sort());
  assert.deepEqual(aliasesOf('牛屯镇'), []);
});

test('renamedForms and shortFormOf', () => {
  assert.deepEqual(renamedForms('牛屯乡'), ['牛屯镇']);
  assert.deepEqual(renamedForms('洪泽县'), ['洪泽区', '洪泽市']);
  assert.deepEqual(renamedForms('滑县'), [], 'a one-character core is not re-designated');
  assert.equal(shortFormOf('新乡市'), '新乡');
  assert.equal(shortFormOf('滑县'), null);
});

test('editDistance counts one substitution, insertion or deletion', () => {
  assert.equal(editDistance('涑水县', '涞水县'), 1);
  assert.equal(editDistance('其中口乡', '其中乡'), 1);
  assert.equal(editDistance('牧野区', '牧野区'), 0);
  assert.equal(editDistance('新乡市', '洪泽区', 1), 2, 'stops early past the limit');
});

test('confusable variants and names worth a fuzzy look-up', () => {
  assert.ok(isConfusableVariant('沐阳县', '沭阳县'));
  assert.ok(!isConfusableVariant('沐阳县', '泗阳县'));
  assert.ok(plausibleMisspelling('敬中镇', '敬仲镇'), 'homophone');
  assert.ok(plausibleMisspelling('涑水县', '涞水县'), 'look-alike');
  assert.ok(!plausibleMisspelling('六里屯街道', '三里屯街道'), 'a different place');
  assert.ok(!plausibleMisspelling('王庄镇', '大王庄镇'), 'an inserted character is never a misspelling');
  assert.ok(variantWorthy('涑水县'));
  assert.ok(variantWorthy('蒿县'));
  assert.ok(!variantWorthy('社区'), 'everyday words are not place names');
  assert.ok(!variantWorthy('卫生健康局'));
});

test('normalizeName: a leading year, 关于, and a district government inside a street office name', () => {
  assert.equal(normalizeName('2022年度滑县人民政府政府信息公开工作年度报告'), '滑县人民政府');
  assert.equal(normalizeName('滑县人民政府关于2022年政府信息公开工作年度报告'), '滑县人民政府');
  assert.equal(normalizeName('北京市朝阳区人民政府建外街道办事处'), '北京市朝阳区建外街道办事处');
  assert.equal(normalizeName('北京市朝阳区人民政府'), '北京市朝阳区人民政府');
});
