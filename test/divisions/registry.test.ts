import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DivisionRegistry, levelOfCode, normalizeDivisionCode } from '../../src/divisions/registry.ts';
import type { DivisionEntry } from '../../src/divisions/types.ts';

const e = (code: string, name: string, parentCode: string | null): DivisionEntry => ({
  code, name, level: levelOfCode(code)!, parentCode,
});

/** A tiny registry with a municipality, a city-without-counties twin and a shared name. */
const reg = new DivisionRegistry(
  [
    e('11', '北京市', null), e('1101', '市辖区', '11'), e('110105', '朝阳区', '1101'),
    e('110105001', '建外街道', '110105'),
    e('22', '吉林省', null), e('2201', '长春市', '22'), e('220104', '朝阳区', '2201'),
    e('44', '广东省', null), e('4419', '东莞市', '44'), e('441900', '东莞市', '4419'),
    e('441900003', '东城街道', '441900'),
  ],
  { name: 'test', version: '0' },
);

test('lookup finds names, aliases and short forms; placeholders and twins are not names', () => {
  assert.deepEqual(reg.lookup('朝阳区').map((n) => n.entry.code).sort(), ['110105', '220104']);
  assert.deepEqual(reg.lookup('建外办事处').map((n) => [n.entry.code, n.match]), [['110105001', 'alias']]);
  assert.deepEqual(reg.lookup('长春').map((n) => [n.entry.code, n.match]), [['2201', 'short']]);
  assert.equal(reg.lookup('市辖区').length, 0);
  assert.deepEqual(reg.lookup('东莞市').map((n) => n.entry.code), ['4419']);
});

test('path and columns skip placeholders and the twin repeat', () => {
  assert.equal(reg.path('110105001'), '北京市/朝阳区/建外街道');
  assert.deepEqual(reg.columns('110105001'), { province: '北京市', city: null, county: '朝阳区', township: '建外街道' });
  assert.equal(reg.path('441900003'), '广东省/东莞市/东城街道');
  assert.deepEqual(reg.columns('2201'), { province: '吉林省', city: '长春市', county: null, township: null });
  assert.deepEqual(reg.columns('999'), { province: null, city: null, county: null, township: null });
});

test('children, ancestors and fuzzy neighbours', () => {
  assert.deepEqual(reg.children('1101').map((x) => x.code), ['110105']);
  assert.deepEqual(reg.ancestors('110105001').map((x) => x.code), ['11', '1101', '110105']);
  assert.deepEqual(reg.near('朝阴区').map((h) => h.item.code).sort(), ['110105', '220104']);
  assert.equal(reg.near('朝阳区').length, 0, 'an exact name is not its own neighbour');
});

test('normalizeDivisionCode accepts 2–12 digit codes with trailing zeros', () => {
  assert.equal(normalizeDivisionCode('110105', reg), '110105');
  assert.equal(normalizeDivisionCode('110105000000', reg), '110105');
  assert.equal(normalizeDivisionCode('110105001000', reg), '110105001');
  assert.equal(normalizeDivisionCode('220100', reg), '2201');
  assert.equal(normalizeDivisionCode('110000', reg), '11');
  assert.equal(normalizeDivisionCode('220104999', reg), '220104', 'an unknown township falls back to its county');
  assert.equal(normalizeDivisionCode('990000', reg), null);
  assert.equal(normalizeDivisionCode('x', reg), null);
  assert.equal(normalizeDivisionCode(null, reg), null);
});
