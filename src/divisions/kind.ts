/**
 * What kind of body a name is: a people's government (人民政府), a sub-district office (街道办事处), or a
 * department of a government (卫生健康局), decided from what follows the place names.
 */
import { ZONE_SUFFIX, editDistance } from './names.ts';
import type { BodyKind } from './types.ts';

export interface RestClass {
  /** null when the rest says nothing (empty): the place itself decides. `unknown`: not a kind nor a department. */
  kind: BodyKind | null;
  department?: string;
  /** The rest looks like a place name the registry does not know (`某某乡人民政府`). */
  unknownPlace?: string;
}

const GOVERNMENT = /^(人民政府|政府|人民政府\(?本级\)?|本级)$/;
const SUBDISTRICT = /^(街道办事处|办事处|街道|街道办)$/;
/** Endings of an organisation's name (卫生健康局, 人民政府办公室, 财政所, 管理委员会, 便民服务中心). */
const DEPARTMENT = /(局|委员会|委|办公室|办|厅|中心|所|站|队|院|处|会|部|馆|社|台|司|署|室|组|团|校|场|园|区|行|公司|集团|协会)$/;
const PLACE_LIKE = /^(.{2,12}?)(街道办事处|办事处|街道|民族乡|苏木|乡|镇|县|区|市|旗)(人民政府|政府)?$/;

export function classifyRest(rest: string): RestClass {
  if (rest === '') return { kind: null };
  if (GOVERNMENT.test(rest) || editDistance(rest, '人民政府', 1) <= 1) return { kind: '人民政府' };
  if (SUBDISTRICT.test(rest) || ['街道办事处', '办事处'].some((k) => editDistance(rest, k, 1) <= 1)) return { kind: '街道办事处' };
  const place = PLACE_LIKE.exec(rest);
  if (place && !ZONE_SUFFIX.test(place[1] + place[2])) {
    const sub = /街道|办事处/.test(place[2]);
    return { kind: sub ? '街道办事处' : '人民政府', unknownPlace: place[1] + place[2] };
  }
  if (DEPARTMENT.test(rest)) return { kind: 'department', department: rest };
  return { kind: 'unknown' };
}

/** The kind of a body whose name ends with the place itself (`牛屯镇`, `花园街道`). */
export function kindOfPlaceName(name: string): BodyKind {
  return /(街道|办事处)$/.test(name) ? '街道办事处' : '人民政府';
}

/** Body kind from the name alone, for rows that carry no resolution (coverage of older databases). */
export function kindOfBody(body: string | null): BodyKind {
  if (!body) return 'unknown';
  const s = body.replace(/\s+/g, '');
  if (/(街道办事处|办事处|街道)$/.test(s)) return '街道办事处';
  if (/(人民政府|政府|乡|镇|县|区|市|旗|苏木|自治州|盟|省)$/.test(s) && !ZONE_SUFFIX.test(s)) return '人民政府';
  return 'department';
}
