/** Pure text formatting for the bench report: numbers, sizes and aligned tables (CJK counted two columns wide). */

/** A number for a table cell: fixed decimals chosen by magnitude, `—` when unknown. */
export function fmtNum(v: number | null | undefined, digits?: number): string {
  if (v == null || !Number.isFinite(v)) return '—';
  const d = digits ?? (Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2);
  return v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}

/** Bytes as MiB with one decimal. */
export function fmtMiB(bytes: number | null | undefined): string {
  return bytes == null || !Number.isFinite(bytes) ? '—' : `${(bytes / 1048576).toFixed(1)} MiB`;
}

/** A ratio such as `1.35×`. */
export function fmtRatio(v: number | null | undefined): string {
  return v == null || !Number.isFinite(v) ? '—' : `${v.toFixed(2)}×`;
}

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Terminal columns a string takes (East Asian wide characters count 2). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

export type Align = 'left' | 'right';

/**
 * An aligned plain-text table: a header row, a rule, then the rows. Columns are left-aligned unless `align`
 * says otherwise; missing cells are empty.
 */
export function formatTable(headers: string[], rows: string[][], align: Align[] = []): string {
  const cols = Math.max(headers.length, ...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, c) => Math.max(displayWidth(headers[c] ?? ''), ...rows.map((r) => displayWidth(r[c] ?? ''))));
  const line = (cells: string[]) => widths.map((w, c) => pad(cells[c] ?? '', w, align[c] === 'right')).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A section title followed by its table, for the printed report. */
export function section(title: string, table: string): string {
  return `${title}\n${table}\n`;
}
