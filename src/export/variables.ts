/**
 * The variables of reports.csv for statistics packages: every column in file order with a short name (valid
 * in Stata and R), a type and labels in English and Chinese. The code columns come from the loaded codebook
 * (`stata_name`, units, labels), so a code added to any codebook file gets its variable without a change here.
 */
import { FIELD_BY_CODE } from '../model/codebook.ts';
import { REPORT_COLUMNS, reportHeader } from './columns.ts';

export type VariableType = 'string' | 'integer' | 'numeric';

export interface Variable {
  /** The CSV column. */
  column: string;
  /** Its name in Stata and R (≤ 32 letters, digits, underscores). */
  name: string;
  type: VariableType;
  en: string;
  zh: string;
}

type Meta = (typeof REPORT_COLUMNS)[number];

/** English and Chinese labels of the columns before the codes; integer columns are marked. */
const META: Record<Meta, [string, string, VariableType?]> = {
  report_id: ['Report id (stable across re-parses)', '报告编号', 'integer'],
  body: ['Issuing body as the report names it', '发布机关'],
  division_code: ['Administrative division code', '行政区划代码'],
  division_name: ['Administrative division', '行政区划名称'],
  province: ['Province', '省级'],
  city: ['Prefecture-level city', '地级'],
  county: ['County', '县级'],
  township: ['Township', '乡级'],
  body_kind: ['Kind of body (government, sub-district office, department)', '机关类型'],
  department: ['Department', '部门'],
  year: ['Year reported on', '报告年度', 'integer'],
  template: ['Template (t2021, t2019, hybrid, free_form)', '模板'],
  source_url: ['Source URL', '来源网址'],
  sha256: ['SHA-256 of the document', '文件哈希'],
  fetched_at: ['First fetched at (UTC)', '首次抓取时间'],
  status: ['Status (ok, flagged, partial, text_only, failed, not_report)', '状态'],
  failed_checks: ['Arithmetic checks failed', '未通过的勾稽校验数', 'integer'],
  flagged_cells: ['Cells flagged', '存疑单元格数', 'integer'],
  values_read: ['Cells read', '读取的单元格数', 'integer'],
  values_derived: ['Cells derived by a rule', '推算的单元格数', 'integer'],
  values_empty: ['Cells left empty', '空单元格数', 'integer'],
  latest: ['Latest report for its body and year (1/0)', '是否为该机关该年度的最新报告', 'integer'],
  published_at: ['Published at (from the site)', '发布日期'],
  site_id: ['Site registry id', '站点编号'],
  title: ['Title', '标题'],
  format: ['File format', '文件格式'],
  error_code: ['Error code when failed', '错误代码'],
  extractor_version: ['Extractor version', '提取器版本'],
  parser_version: ['Parser version', '解析器版本'],
  resolver_version: ['Division resolver version', '区划解析版本'],
  corrected_cells: ['Cells corrected by a reviewer', '人工更正的单元格数', 'integer'],
  confirmed_cells: ['Cells a reviewer confirmed as printed', '人工确认的单元格数', 'integer'],
};

/** Every column of reports.csv, in file order. Throws when a code column has no codebook entry. */
export function reportVariables(header: readonly string[] = reportHeader()): Variable[] {
  return header.map((column) => {
    const meta = META[column as Meta];
    if (meta) return { column, name: column, type: meta[2] ?? 'string', en: meta[0], zh: meta[1] };
    const f = FIELD_BY_CODE.get(column);
    if (!f?.stataName) throw new Error(`reports.csv column ${column} has no codebook entry with a stata_name`);
    return {
      column, name: f.stataName, type: 'numeric', en: `${f.english} (${f.unitEn})`,
      zh: `${f.section} ${[f.group, f.rowLabel, f.columnLabel].filter(Boolean).join('｜')}（${f.unit}）`,
    };
  });
}
