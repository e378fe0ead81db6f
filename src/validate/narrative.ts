/**
 * X.5: numbers quoted in section 一 (「共收到政府信息公开申请N件」, 「办结M件」, 「结转下年度K件」) against the table.
 * A warning-level check: the narrative's scope sometimes differs from the table's, so nothing is flagged.
 */
import type { Check } from '../model/report.ts';
import { normalizeText } from '../parse/normalize.ts';

const QUOTES: { code: string; re: RegExp }[] = [
  { code: 's3.new.total', re: /(?:新收|收到|受理)(?:各类|政府信息公开|依申请公开)*(?:政府信息公开)?申请(?:共|合计)?(\d+)(?:件|个|条)/ },
  { code: 's3.carried_in.total', re: /上年(?:度)?结转(?:政府信息公开申请|申请)?(\d+)(?:件|个)/ },
  { code: 's3.result.total.total', re: /(?:共|已|全部)?办结(?:政府信息公开申请|申请)?(?:共|合计)?(\d+)(?:件|个)/ },
  { code: 's3.carried_out.total', re: /结转(?:至|到)?下(?:一)?年度?(?:继续办理)?(?:的)?(?:申请)?(\d+)(?:件|个)/ },
];

export function narrativeChecks(s1: string | undefined, values: Record<string, number | null>): Check[] {
  if (!s1) return [];
  const text = normalizeText(s1).replace(/\s+/g, '');
  const out: Check[] = [];
  for (const { code, re } of QUOTES) {
    const m = re.exec(text);
    if (!m || !(code in values)) continue;
    const quoted = Number(m[1]);
    const table = values[code];
    const status = table == null ? 'not_assessable' : table === quoted ? 'pass' : 'fail';
    out.push({ rule: 'X.5', column: code, status, expected: quoted, actual: table ?? null, cells: [code] });
  }
  return out;
}
