/** The three official tables (二 in the 2021 or 2019 shape, 三 with its spans, 四) as abstract tables. */
import { FIELD_BY_CODE, S3_COLUMNS, type TemplateId } from '../../src/model/codebook.ts';
import { S4_GROUPS, S4_PARTS, s3Rows } from './rules.ts';
import type { TCell, TRow, TTable } from './types.ts';
import type { Values } from './values.ts';

/** The printed label of a code's row, from the codebook (annotations in ASCII brackets removed). */
export function rowLabel(code: string): string {
  return FIELD_BY_CODE.get(code)!.rowLabel.replace(/\s+\(.*$/, '');
}

export function columnLabel(code: string, template: TemplateId): string {
  const raw = FIELD_BY_CODE.get(code)!.columnLabel;
  const alt = /\(t2019: (.*)\)$/.exec(raw);
  if (alt && template === 't2019') return alt[1]!;
  return raw.replace(/\s+\(.*$/, '');
}

export interface NumberStyle {
  /** Decimals printed for the 2021 fee (万元). */
  feeDecimals: number;
  /** Drop trailing zeros of decimals (7730.20 → 7730.2). */
  trimZeros: boolean;
  /** 2019 procurement amount printed with 元. */
  yuanSuffix: boolean;
}

export function formatValue(code: string, v: number | null, style: NumberStyle): string {
  if (v === null) return '';
  if (code === 's2.fees.amount') {
    const s = v.toFixed(style.feeDecimals);
    return style.trimZeros && s.includes('.') ? s.replace(/\.?0+$/, '') : s;
  }
  if (code === 's2.procurement.amount') {
    const s = Number.isInteger(v) ? String(v) : v.toFixed(2);
    return style.yuanSuffix ? `${s}元` : s;
  }
  return String(v);
}

const val = (code: string, values: Values, style: NumberStyle, colSpan = 1): TCell =>
  ({ text: formatValue(code, values[code] ?? null, style), code, role: 'value', ...(colSpan > 1 ? { colSpan } : {}) });

export interface S2Options {
  feeHeader: string;
  /** 第二十条第（一）项 or 第二十条第(一)项. */
  asciiBrackets: boolean;
}

export const FEE_HEADERS = ['本年收费金额（单位：万元）', '本年收费金额（单位：万元，保留4位小数）', '本年收费金额  （单位 ：万元）'];

function block(n: string, opts: S2Options, width: number): TRow {
  const text = opts.asciiBrackets ? `第二十条第(${n})项` : `第二十条第（${n}）项`;
  return { role: 'block', cells: [{ text, colSpan: width, role: 'header' }] };
}

function header(labels: string[], spans: number[] = []): TRow {
  return { role: 'header', cells: ['信息内容', ...labels].map((text, i) => ({ text, role: 'header', ...(spans[i] && spans[i]! > 1 ? { colSpan: spans[i] } : {}) })) };
}

function dataRow(key: string, codes: string[], values: Values, style: NumberStyle, spans: number[] = []): TRow {
  return {
    role: 'data', rowCode: key,
    cells: [{ text: rowLabel(codes[0]!), role: 'label' }, ...codes.map((c, i) => val(c, values, style, spans[i] ?? 1))],
  };
}

export function section2Table(template: TemplateId, values: Values, style: NumberStyle, opts: S2Options): TTable {
  const rows: TRow[] = [];
  if (template === 't2019') {
    const three = ['new_made', 'new_published', 'total_published'];
    const items = ['items_prev', 'items_delta', 'decisions'];
    rows.push(block('一', opts, 4), header(three.map((c) => columnLabel(`s2.rules.${c}`, template))));
    for (const r of ['rules', 'normative']) rows.push(dataRow(r, three.map((c) => `s2.${r}.${c}`), values, style));
    rows.push(block('五', opts, 4), header(items.map((c) => columnLabel(`s2.licensing.${c}`, template))));
    for (const r of ['licensing', 'other_services']) rows.push(dataRow(r, items.map((c) => `s2.${r}.${c}`), values, style));
    rows.push(block('六', opts, 4), header(items.map((c) => columnLabel(`s2.penalty.${c}`, template))));
    for (const r of ['penalty', 'coercion']) rows.push(dataRow(r, items.map((c) => `s2.${r}.${c}`), values, style));
    rows.push(block('八', opts, 4), header(['上一年项目数量', '本年增/减'], [0, 1, 2]));
    rows.push(dataRow('fees', ['s2.fees.items_prev', 's2.fees.items_delta'], values, style, [1, 2]));
    rows.push(block('九', opts, 4), header(['采购项目数量', '采购总金额'], [0, 1, 2]));
    rows.push(dataRow('procurement', ['s2.procurement.projects', 's2.procurement.amount'], values, style, [1, 2]));
  } else {
    const three = ['issued', 'repealed', 'in_force'];
    rows.push(block('一', opts, 4), header(three.map((c) => columnLabel(`s2.rules.${c}`, template))));
    for (const r of ['rules', 'normative']) rows.push(dataRow(r, three.map((c) => `s2.${r}.${c}`), values, style));
    rows.push(block('五', opts, 4), header(['本年处理决定数量'], [0, 3]), dataRow('licensing', ['s2.licensing.decisions'], values, style, [3]));
    rows.push(block('六', opts, 4), header(['本年处理决定数量'], [0, 3]));
    for (const r of ['penalty', 'coercion']) rows.push(dataRow(r, [`s2.${r}.decisions`], values, style, [3]));
    rows.push(block('八', opts, 4), header([opts.feeHeader], [0, 3]), dataRow('fees', ['s2.fees.amount'], values, style, [3]));
  }
  return { section: '二', rows, labelCols: 1 };
}

const S3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const ORG_LABELS = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];

/** Label cells of an s3 row (the group cells only on the first row of their group). */
function s3Labels(row: string, template: TemplateId, first: Set<string>): TCell[] {
  const code = `s3.${row}.natural_person`;
  const label = rowLabel(code);
  if (!row.startsWith('result.')) return [{ text: label, colSpan: 3, role: 'label' }];
  const cells: TCell[] = [];
  if (row === 'result.granted') cells.push({ text: '三、本年度办理结果', rowSpan: template === 't2021' ? 22 : 20, role: 'group' });
  const parts = row.split('.');
  if (parts.length === 3 && row !== 'result.other.total') {
    const group = FIELD_BY_CODE.get(code)!.group.split(' / ')[1]!;
    if (!first.has(group)) {
      first.add(group);
      const size = s3Rows(template).filter((r) => r.startsWith(`result.${parts[1]}.`)).length;
      cells.push({ text: group, rowSpan: size, role: 'group' });
    }
    cells.push({ text: label, role: 'label' });
  } else {
    cells.push({ text: label, colSpan: 2, role: 'label' });
  }
  return cells;
}

export function section3Table(template: TemplateId, values: Values, style: NumberStyle): TTable {
  const rows: TRow[] = [
    { role: 'header', cells: [{ text: S3_NOTE, rowSpan: 3, colSpan: 3, role: 'note' }, { text: '申请人情况', colSpan: 7, role: 'header' }] },
    { role: 'header', cells: [{ text: '自然人', rowSpan: 2, role: 'header' }, { text: '法人或其他组织', colSpan: 5, role: 'header' }, { text: '总计', rowSpan: 2, role: 'header' }] },
    { role: 'header', cells: ORG_LABELS.map((text) => ({ text, role: 'header' as const })) },
  ];
  const first = new Set<string>();
  for (const row of s3Rows(template)) {
    rows.push({ role: 'data', rowCode: row, cells: [...s3Labels(row, template, first), ...S3_COLUMNS.map((c) => val(`s3.${row}.${c}`, values, style))] });
  }
  return { section: '三', rows, labelCols: 3 };
}

export function section4Table(values: Values, style: NumberStyle): TTable {
  const parts = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return {
    section: '四', labelCols: 0,
    rows: [
      { role: 'header', cells: [{ text: '行政复议', colSpan: 5, role: 'header' }, { text: '行政诉讼', colSpan: 10, role: 'header' }] },
      { role: 'header', cells: [...parts.map((text) => ({ text, rowSpan: 2, role: 'header' as const })), { text: '未经复议直接起诉', colSpan: 5, role: 'header' }, { text: '复议后起诉', colSpan: 5, role: 'header' }] },
      { role: 'header', cells: [...parts, ...parts].map((text) => ({ text, role: 'header' as const })) },
      { role: 'data', rowCode: 's4', cells: S4_GROUPS.flatMap((g) => [...S4_PARTS, 'total'].map((p) => val(`s4.${g}.${p}`, values, style))) },
    ],
  };
}
