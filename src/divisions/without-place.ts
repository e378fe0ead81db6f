/**
 * A body name with no place in it (`卫生健康局`, `县人民政府办公室`): it belongs to the site's division when the
 * generic level word (县, 区, 市…) fits that division; otherwise it stays unresolved.
 */
import { ok, warn, type Result } from '../model/result.ts';
import { candidate, type Ctx } from './decide.ts';
import { classifyRest } from './kind.ts';
import type { BodyKind, Resolution } from './types.ts';

/** A body name with no place in it (`卫生健康局`, `县人民政府办公室`): the site's division, when it fits. */
export function withoutPlace(rest: string, ctx: Ctx): Result<Resolution> {
  const { registry, site, warnings } = ctx;
  const m = /^(省|市|县|区|旗|镇|乡|街道)?(.*)$/.exec(rest)!;
  const generic = m[1] ?? '';
  const cls = classifyRest(m[2] || '人民政府');
  const kind: BodyKind = cls.unknownPlace ? cls.kind! : cls.kind ?? 'unknown';
  const base: Resolution = { division: null, candidates: [], kind, ...(cls.department ? { department: cls.department } : {}) };
  if (cls.unknownPlace) {
    warnings.push(warn('division.not_found', `no place named ${cls.unknownPlace} in the registry`));
    return ok(base, warnings);
  }
  if (kind === 'unknown') {
    warnings.push(warn('division.unknown_rest', `${rest} is neither a place, a department nor 人民政府`));
    return ok(base, warnings);
  }
  const e = site ? registry.get(site) : undefined;
  if (!e) {
    warnings.push(warn('division.no_place_name', `${rest} names no place and the site's division is unknown`));
    return ok(base, warnings);
  }
  const fits = generic === '' || (generic === '省' ? e.level === 'province' : e.name.endsWith(generic));
  if (!fits) {
    warnings.push(warn('division.site_mismatch', `${rest} does not fit the site's division ${registry.path(e.code)}`));
    return ok(base, warnings);
  }
  warnings.push(warn('division.from_site', `${rest}: division taken from the site (${registry.path(e.code)})`, { level: 'info' }));
  return ok({ ...base, division: { code: e.code, name: e.name, level: e.level }, candidates: [candidate(e, registry)] }, warnings);
}

