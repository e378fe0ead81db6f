/**
 * Is this a report of the 2007 条例 (template `p2008`)? Year ≤ 2018 in its title, or the structure of those
 * reports: the article-32 headings (收费及减免, 因政府信息公开申请行政复议…, 主要问题和改进措施), the provincial
 * annex table (本年度 / 历年累计) or the 2017–2018 统计表. The national templates' own tables (申请人情况 columns,
 * section 二 column headers, section 四 outcome headers) say 2019 or later whatever the year found.
 */
import type { Row } from '../rows.ts';

/** Words only the 2019 and 2021 templates print. */
export const NATIONAL = /申请人情况|商业企业|科研机构|社会公益组织|法律服务机构|结果维持|结果纠正|尚未审结|未经复议直接起诉|本年制发件数|本年新制作数量|本年新公开数量/;

const ARTICLE_32: RegExp[] = [
  /收费(及|和|与)?减免|收费情况/,
  /因政府信息公开申请(提起)?行政复议|申请行政复议.{0,4}提起行政诉讼/,
  /依申请公开(政府信息)?(的)?情况|依申请公开和不予公开|不予公开政府信息的?情况/,
  /主要问题(和|及|与)改进措施|存在的(主要)?问题和改进措施/,
];

export interface PreSignals {
  /** Year ≤ 2018 from the title (or the source's title), or null when unknown. */
  titleYear: number | null;
  /** Year found only in the opening text. */
  textYear: number | null;
  headings: number;
  annex: boolean;
  statTable: boolean;
  national: boolean;
  looksLikeReport: boolean;
}

/** How many of the 2007 article-32 headings the document's short lines carry. */
export function article32Headings(rows: Row[]): number {
  const hit = new Set<number>();
  for (const row of rows) {
    const t = row.text.replace(/\s+/g, '');
    if (t.length > 40 || /\d{2,}/.test(t.replace(/\d{4}年度?/g, ''))) continue;
    ARTICLE_32.forEach((re, i) => {
      if (re.test(t)) hit.add(i);
    });
  }
  return hit.size;
}

export function isP2008(s: PreSignals): boolean {
  if (s.titleYear !== null) return s.titleYear <= 2018 && s.titleYear >= 2000;
  if (s.national) return false;
  if (s.statTable || s.annex || s.headings >= 2) return true;
  return s.textYear !== null && s.textYear <= 2018 && s.textYear >= 2000 && s.looksLikeReport;
}
