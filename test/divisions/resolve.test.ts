import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultRegistry } from '../../src/divisions/default-registry.ts';
import { resolveBody, pickName } from '../../src/divisions/resolve.ts';
import type { ResolveInput } from '../../src/divisions/types.ts';

const reg = defaultRegistry();
const resolve = (input: Partial<ResolveInput> & { body: string | null }) => resolveBody(input, reg);
const codes = (r: ReturnType<typeof resolve>) => r.warnings.map((w) => w.code);

test('a shared name without context stays unresolved, with every candidate', () => {
  const r = resolve({ body: '鼓楼区人民政府' });
  assert.equal(r.value.division, null);
  assert.deepEqual(r.value.candidates.map((c) => c.code).sort(), ['320106', '320302', '350102', '410204']);
  assert.ok(codes(r).includes('division.ambiguous'));
});

test('the chain, the site and the text each decide a shared name', () => {
  assert.equal(resolve({ body: '开封市鼓楼区人民政府' }).value.division?.code, '410204');
  assert.equal(resolve({ body: '鼓楼区人民政府', siteDivisionCode: '350100' }).value.division?.code, '350102');
  const t = resolve({ body: '鼓楼区人民政府', text: '根据南京市政务公开要点' });
  assert.equal(t.value.division?.code, '320106');
  assert.ok(codes(t).includes('division.text_context'));
});

test('province names in the text do not decide (学习江苏省…经验)', () => {
  assert.equal(resolve({ body: '鼓楼区人民政府', text: '学习江苏省经验' }).value.division, null);
});

test('a site whose division holds none of the candidates blocks the answer', () => {
  const r = resolve({ body: '牛屯镇', siteDivisionCode: '140981' });
  assert.equal(r.value.division, null);
  assert.ok(codes(r).includes('division.site_mismatch'));
  assert.equal(r.value.candidates[0].code, '410526105');
});

test('a misspelt name needs context, and context picks the look-alike', () => {
  const alone = resolve({ body: '沐阳县人民政府' });
  assert.equal(alone.value.division, null);
  assert.ok(codes(alone).includes('division.unconfirmed_variant'));
  const withCity = resolve({ body: '沐阳县人民政府', text: '宿迁市' });
  assert.equal(withCity.value.division?.code, '321322');
  assert.ok(codes(withCity).includes('division.variant'));
});

test('an exact name the text contradicts is not taken (汝阳县 where the text says 沭阳县)', () => {
  const r = resolve({ body: '汝阳县人民政府', text: '宿迁市沭阳县' });
  assert.equal(r.value.division, null);
  assert.ok(codes(r).includes('division.context_conflict'));
});

test('re-designated places: 乡 → 镇 under a known county, 县 → 区 with the city in the text', () => {
  const r = resolve({ body: '滑县牛屯乡人民政府' });
  assert.equal(r.value.division?.code, '410526105');
  assert.ok(codes(r).includes('division.renamed'));
  assert.equal(resolve({ body: '洪泽县人民政府' }).value.division, null);
  assert.equal(resolve({ body: '洪泽县人民政府', text: '淮安市' }).value.division?.code, '320813');
});

test('departments belong to the division of their government', () => {
  const r = resolve({ body: '洪泽区卫生健康局' });
  assert.deepEqual(r.value.division, { code: '320813', name: '洪泽区', level: 'county' });
  assert.equal(r.value.kind, 'department');
  assert.equal(r.value.department, '卫生健康局');
  const zone = resolve({ body: '淮安市洪泽区经济开发区管理委员会' });
  assert.equal(zone.value.division?.code, '320813');
  assert.equal(zone.value.department, '经济开发区管理委员会');
  assert.equal(resolve({ body: '临淄区敬仲镇财政所' }).value.division?.code, '370305103');
});

test('a department with no place name takes the site division when the level word fits', () => {
  const r = resolve({ body: '县卫生健康局', siteDivisionCode: '410526' });
  assert.equal(r.value.division?.code, '410526');
  assert.ok(codes(r).includes('division.from_site'));
  assert.equal(resolve({ body: '区财政局', siteDivisionCode: '410526' }).value.division, null);
  const none = resolve({ body: '卫生健康委员会' });
  assert.equal(none.value.division, null);
  assert.ok(codes(none).includes('division.no_place_name'));
});

test('street offices under all their spellings', () => {
  for (const body of ['新乡市牧野区花园办事处', '牧野区花园街道办事处', '新乡牧野区花园街道']) {
    const r = resolve({ body });
    assert.equal(r.value.division?.code, '410711004', body);
    assert.equal(r.value.kind, '街道办事处', body);
  }
});

test('unknown places and unreadable rests are never guessed', () => {
  const unknown = resolve({ body: '某某乡人民政府' });
  assert.equal(unknown.value.division, null);
  assert.ok(codes(unknown).includes('division.not_found'));
  const garbage = resolve({ body: '涞水县XYZ' });
  assert.equal(garbage.value.division, null);
  assert.equal(garbage.value.kind, 'unknown');
  assert.ok(codes(garbage).includes('division.unknown_rest'));
  assert.equal(resolve({ body: '涞水县其中口相' }).value.division?.code, '130623205');
});

test('no name at all', () => {
  const r = resolve({ body: null, text: '' });
  assert.deepEqual(r.value, { division: null, candidates: [], kind: 'unknown' });
  assert.deepEqual(codes(r), ['division.no_body']);
});

test('pickName prefers the body, then the title, then a short first line', () => {
  assert.equal(pickName({ body: '牛屯镇', title: '滑县' }), '牛屯镇');
  assert.equal(pickName({ body: ' ', title: '滑县人民政府2022年政府信息公开工作年度报告' }), '滑县人民政府');
  assert.equal(pickName({ body: null, text: '\n\n临淄区敬仲镇人民政府\n2021年…' }), '临淄区敬仲镇人民政府');
});

test('an unknown site code is reported and ignored', () => {
  const r = resolve({ body: '牛屯镇', siteDivisionCode: '990000' });
  assert.equal(r.value.division?.code, '410526105');
  assert.ok(codes(r).includes('division.site_code_unknown'));
});

test('a place missing from the registry is not read as its one-character sibling', () => {
  // 三里屯 and 六里屯 are different places: only look-alike or homophone characters count as misspellings.
  const r = resolve({ body: '北京市朝阳区五里屯街道办事处' });
  assert.equal(r.value.division, null);
  assert.equal(resolve({ body: '临淄区敬中镇人民政府' }).value.division?.code, '370305103', 'homophone 中/仲');
});

test('a unique name is withheld when the text names a county elsewhere and not its own', () => {
  const r = resolve({ body: '牛屯镇', text: '在原平市委、市政府的领导下' });
  assert.equal(r.value.division, null);
  assert.ok(codes(r).includes('division.context_conflict'));
  assert.equal(resolve({ body: '牛屯镇', text: '在安阳市委、滑县县委的领导下，学习原平市经验' }).value.division?.code, '410526105');
});

test("the site's host name in pinyin helps like a name in the text", () => {
  assert.equal(resolve({ body: '闫庄镇人民政府', url: 'http://www.songxian.gov.cn/xxgk/1.html' }).value.division?.code, '410325104');
  assert.equal(resolve({ body: '鼓楼区人民政府', url: 'https://www.gulou.gov.cn/' }).value.division, null, 'all four are gulou');
  assert.equal(resolve({ body: '闫庄镇人民政府', url: 'not a url' }).value.division, null);
});
