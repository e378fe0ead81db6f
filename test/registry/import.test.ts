import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultRegistry } from '../../src/divisions/default-registry.ts';
import { importPortalList } from '../../src/registry/import.ts';
import { coreName, joinPath } from '../../src/registry/join.ts';
import type { RegistryRow } from '../../src/registry/types.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/registry/portals.csv', import.meta.url));
const SHARED = fileURLToPath(new URL('../../../shared/registry/gov-portals.csv', import.meta.url));
const registry = defaultRegistry();

function importFixture(): { rows: RegistryRow[]; byLine: Map<number, RegistryRow> } {
  const r = importPortalList(readFileSync(FIXTURE, 'utf8'), registry, { file: 'portals.csv' });
  const byLine = new Map(r.value.rows.map((row) => [Number(row.source.replace('portals.csv line ', '')), row]));
  return { rows: r.value.rows, byLine };
}

test('names join by exact name, short and renamed forms, through placeholders; never by a guess', () => {
  const join = (path: string) => {
    const j = joinPath(path.split('/'), registry);
    return j.ok ? [j.entry.code, j.rules.join(',')] : [j.status, j.reason];
  };
  assert.deepEqual(join('北京市/海淀区'), ['110108', 'exact']);
  assert.deepEqual(join('湖北省/仙桃市'), ['429004', 'exact']);
  assert.deepEqual(join('广东省/东莞市'), ['4419', 'exact']);
  assert.deepEqual(join('吉林省/延边'), ['2224', 'exact,short']);
  assert.deepEqual(join('湖北省/宜昌市/长阳县'), ['420528', 'exact,renamed']);
  assert.deepEqual(join('新疆维吾尔自治区/新疆生产建设兵团/石河子市'), ['659001', 'exact,in_province']);
  assert.equal(join('甘肃省/临夏回族自治州/临夏')[0], 'ambiguous');
  assert.match(join('甘肃省/临夏回族自治州/临夏')[1], /临夏市.*临夏县/);
  assert.equal(join('浙江省/杭州市/不存在县')[0], 'unjoined');
  // A renamed name is taken under its own parent only, never from elsewhere in the province.
  assert.equal(join('浙江省/宁波市/富阳市')[0], 'unjoined');
  assert.equal(coreName('双江拉祜族佤族布朗族傣族自治县'), '双江');
  assert.equal(coreName('恩施土家族苗族自治州'), '恩施');
});

test('the fixture list: every row joined or kept out with its line and reason', () => {
  const { rows, byLine } = importFixture();
  const status = (line: number) => [byLine.get(line)?.status, byLine.get(line)?.division];
  assert.deepEqual(status(2), ['ok', '110000']);
  assert.deepEqual(status(3), ['ok', '110108']);
  assert.deepEqual(status(4), ['duplicate_url', '330106']);
  assert.match(byLine.get(4)!.statusReason!, /haidian\.example\.cn is 北京市\/海淀区 \(line 3\)'s: its host spells that name/);
  assert.deepEqual([status(5)[0], status(6)[0]], ['duplicate_url', 'duplicate_url']);
  assert.match(byLine.get(5)!.statusReason!, /spells several of their names/);
  assert.deepEqual(status(7), ['ok', '420500']);
  assert.deepEqual(status(8), ['parent_portal', '420528']);
  assert.match(byLine.get(8)!.statusReason!, /portal of its parent 湖北省\/宜昌市 \(line 7\)/);
  assert.deepEqual([status(9), status(10)], [['duplicate_division', '330111'], ['duplicate_division', '330111']]);
  assert.deepEqual([status(11), status(12)], [['ok', '429004'], ['duplicate_division', '429004']]);
  assert.match(byLine.get(12)!.statusReason!, /repeats .*line 11/);
  assert.deepEqual(status(13), ['ok', '441900']);
  assert.equal(byLine.get(13)!.level, 'prefecture');
  assert.deepEqual(status(14), ['ambiguous', null]);
  assert.deepEqual(status(15), ['unjoined', null]);
  assert.deepEqual(status(16), ['no_url', '410526']);
  assert.deepEqual(status(17), ['bad_url', '410527']);
  assert.deepEqual(status(18), ['ok', '659001']);
  assert.deepEqual([byLine.get(18)!.parent, byLine.get(18)!.joinRule], ['650000', 'exact,in_province']);
  assert.deepEqual(status(19)[0], 'bad_csv');
  assert.match(byLine.get(19)!.statusReason!, /unterminated quote/);
  assert.equal(byLine.get(20)!.entryUrl, 'http://yidu.example.cn/');
  assert.deepEqual(status(21), ['ok', '330000']);
  assert.match(byLine.get(22)!.statusReason!, /7 fields where the header has 6/);
  // Levels, parents and hosts as the crawler needs them.
  assert.deepEqual([byLine.get(3)!.level, byLine.get(3)!.parent, byLine.get(3)!.allowedHosts], ['county', '110000', ['haidian.example.cn']]);
  assert.deepEqual(byLine.get(2)!.sourceMeta, { access_method: 'direct', final_url: 'https://beijing.example.cn/', checked_at: '2026-01-01T00:00:00Z' });
  // Ids are unique, and no division code is held by two rows the crawl uses.
  assert.equal(new Set(rows.map((r) => r.id)).size, rows.length);
  const okCodes = rows.filter((r) => r.status === 'ok').map((r) => r.division);
  assert.equal(new Set(okCodes).size, okCodes.length);
});

test('province/prefecture/county columns work as a path', () => {
  const text = 'province,prefecture,county,url\n浙江省,舟山市,定海区,http://dinghai.example.cn/\n上海市,普陀区,,http://pt.example.cn/\n';
  const r = importPortalList(text, registry, { file: 'cols.csv' });
  assert.deepEqual(r.value.rows.map((x) => [x.id, x.name, x.status]), [['gov-330902', '定海区', 'ok'], ['gov-310107', '普陀区', 'ok']]);
  assert.throws(() => importPortalList('province,name\n浙江省,x\n', registry, { file: 'nourl.csv' }), /nourl\.csv: no URL column/);
});

test('the shared national list: county rows joined, no code used twice, its known errors caught', { skip: !existsSync(SHARED) && 'no ../shared/registry/gov-portals.csv' }, () => {
  const r = importPortalList(readFileSync(SHARED, 'utf8'), registry, { file: 'gov-portals.csv' });
  const f = r.value.figures;
  assert.ok(f.countyRows >= 2700, `${f.countyRows} county rows`);
  assert.ok(f.countyRowsJoined >= 2690, `${f.countyRowsJoined} of ${f.countyRows} county rows joined`);
  assert.equal(f.codesUsedTwice, 0);
  const byPath = new Map(r.value.rows.map((x) => [x.path, x]));
  assert.equal(byPath.get('上海市/普陀区')?.status, 'duplicate_url');
  for (const p of ['吉林省/延边朝鲜族自治州/珲春市', '安徽省/池州市/贵池区', '湖北省/黄石市/大冶市']) {
    assert.equal(byPath.get(p)?.status, 'parent_portal', p);
  }
  for (const p of ['吉林省/延边朝鲜族自治州', '安徽省/池州市', '湖北省/黄石市']) assert.equal(byPath.get(p)?.status, 'ok', p);
});
