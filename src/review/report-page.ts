/**
 * The report page: the tables laid out like the national template with every cell coloured by its state,
 * the checks (expected vs actual), the document decisions, and a side panel (filled by report.js) with the
 * selected cell's details, the correction form and its place in the source.
 */
import { FIELD_BY_CODE } from '../model/codebook.ts';
import { RULE_TEXT } from '../validate/rules.ts';
import { esc, jsonBlock, page } from './html.ts';
import { layoutFor, printedLabel, type HeadCell, type LayoutTable } from './layout.ts';
import type { CellView, ReportView } from './report-view.ts';

export interface Nav {
  queue: string;
  prev: string | null;
  next: string | null;
}

const STATES = ['read', 'derived', 'empty', 'flagged', 'corrected', 'confirmed'] as const;

function th(c: HeadCell, tag = 'th'): string {
  return `<${tag}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}>${esc(c.text)}</${tag}>`;
}

function td(code: string | null, cells: Map<string, CellView>): string {
  if (!code) return '<td class="none"></td>';
  const c = cells.get(code);
  if (!c) return `<td class="none" title="${esc(code)}: not in this report"></td>`;
  const shown = c.value === null ? '—' : String(c.value);
  return `<td class="cell st-${c.state}" data-code="${esc(code)}" tabindex="-1" title="${esc(code)}">${esc(shown)}</td>`;
}

function table(t: LayoutTable, cells: Map<string, CellView>): string {
  const head = t.head.map((row) => `<tr>${row.map((c) => th(c)).join('')}</tr>`).join('');
  const body = t.rows.map((r) => `<tr>${r.labels.map((c) => th(c)).join('')}${r.codes.map((c) => td(c, cells)).join('')}</tr>`).join('');
  return `<table class="grid s${esc(t.section)}"><caption>${esc(t.caption)}</caption><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

function checksTable(v: ReportView): string {
  if (v.checks.length === 0) return '<p>No checks for this report.</p>';
  const rows = v.checks.map((c, i) => `<tr class="check-${esc(c.status)}" data-check="${i}"><td>${esc(c.rule)}</td><td>${esc(c.column)}</td>
  <td class="check-status">${esc(c.status)}</td><td class="num check-expected">${esc(c.expected)}</td><td class="num check-actual">${esc(c.actual)}</td>
  <td class="rule-text">${esc(RULE_TEXT[c.rule] ?? '')}</td></tr>`);
  return `<table class="checks" id="checks"><thead><tr><th>rule</th><th>column / group</th><th>status</th><th>expected</th><th>actual</th><th>meaning</th></tr></thead>
  <tbody>${rows.join('')}</tbody></table>`;
}

function decisions(v: ReportView): string {
  const r = v.report;
  const made = v.corrections.filter((c) => c.code.startsWith('report.'));
  const list = made.map((c) => `<li>${esc(c.code)} = ${esc(c.value)} <span class="who">(${esc(c.reviewer)}, ${esc(c.correctedAt.slice(0, 16))}${c.note ? `: ${esc(c.note)}` : ''})</span>
  <button type="button" class="undo" data-code="${esc(c.code)}">undo</button></li>`);
  return `<details class="decisions"${made.length ? ' open' : ''}><summary>Document decisions${made.length ? ` (${made.length})` : ''}</summary>
  ${list.length ? `<ul>${list.join('')}</ul>` : ''}
  <form id="decision-form">
    <label>body <input name="report.body" value="${esc(r.body)}"></label>
    <label>year <input name="report.year" value="${esc(r.year)}" size="5"></label>
    <label>division code <input name="report.division_code" value="${esc(r.divisionCode)}" size="12"></label>
    <label>note <input name="note" size="30"></label>
    <button type="submit">save changed fields</button>
    <button type="button" id="not-report">not a report</button>
  </form></details>`;
}

function cellData(v: ReportView): Record<string, unknown> {
  const warnings = new Map<string, string[]>();
  for (const w of v.warnings) if (w.cell) warnings.set(w.cell, [...(warnings.get(w.cell) ?? []), `${w.code}: ${w.message}`]);
  const corrections = new Map(v.corrections.map((c) => [c.code, c]));
  const out: Record<string, unknown> = {};
  for (const c of v.cells) {
    const f = FIELD_BY_CODE.get(c.code);
    out[c.code] = {
      ...c, label: f ? [f.rowLabel || f.group, f.columnLabel].map((l) => printedLabel(l, v.report.template ?? '')).join(' · ') : c.code,
      english: f?.english ?? null, type: f?.type ?? null, warnings: warnings.get(c.code) ?? [], correction: corrections.get(c.code) ?? null,
      checks: v.checks.flatMap((k, i) => (k.cells.includes(c.code) ? [i] : [])),
    };
  }
  return out;
}

export function reportPage(v: ReportView, nav: Nav, token: string): string {
  const r = v.report;
  const cells = new Map(v.cells.map((c) => [c.code, c]));
  const tables = layoutFor(v.cells.map((c) => c.code), r.template ?? '');
  const place = [r.province, r.city, r.county, r.divisionName].filter((x, i, a) => x && a.indexOf(x) === i).join(' / ');
  const navLink = (href: string | null, text: string, key: string, rel: string) =>
    href ? `<a href="${esc(href)}" rel="${rel}" id="nav-${rel}">${text} <kbd>${key}</kbd></a>` : `<span class="disabled">${text}</span>`;
  const reportWarnings = v.warnings.filter((w) => !w.cell).map((w) => `<li class="w-${esc(w.level)}">${esc(w.code)}: ${esc(w.message)}</li>`);
  const body = `<header class="report-head">
  <nav>${navLink(nav.queue, '↑ queue', 'u', 'up')} ${navLink(nav.prev, '‹ previous', 'k', 'prev')} ${navLink(nav.next, 'next ›', 'j', 'next')}</nav>
  <h1>${esc(r.body ?? '(body unknown)')} ${esc(r.year ?? '')} <span class="status status-${esc(r.status)}" id="report-status">${esc(r.status)}</span></h1>
  <p class="meta">report ${r.id} · ${esc(r.template ?? 'no template')} · ${esc(r.format ?? '?')}${r.ocr ? ' (OCR)' : ''} · ${esc(place || 'division not resolved')}
   · ${r.flaggedCells} flagged cells · ${r.failedChecks} failed checks · parser ${esc(r.parserVersion)} ·
   <a href="/reports/${r.id}/original" download>original file</a>${r.sourceUrl ? ` · <span class="url">${esc(r.sourceUrl)}</span>` : ''}</p>
  ${r.errorCode ? `<p class="error">${esc(r.errorCode)}: ${esc(r.errorMessage)}</p>` : ''}
  <p class="legend">${STATES.map((s) => `<span class="cell st-${s}">${s}</span>`).join(' ')}
   · keys: <kbd>f</kbd>/<kbd>F</kbd> next/previous flagged cell, arrows move, <kbd>Enter</kbd> edit, <kbd>c</kbd> confirm as printed, <kbd>Esc</kbd> back to the table</p>
  ${decisions(v)}
</header>
<main class="report">
  <section class="tables">${tables.map((t) => table(t, cells)).join('') || '<p>No cells stored for this report.</p>'}
  <h2>Checks</h2>${checksTable(v)}
  ${reportWarnings.length ? `<h2>Warnings</h2><ul class="warnings">${reportWarnings.join('')}</ul>` : ''}</section>
  <aside id="side"><div id="detail"><p>Select a cell (click, or <kbd>f</kbd> for the next flagged one).</p></div>
  <form id="correct" hidden><label>value <input id="value" name="value" autocomplete="off" inputmode="decimal"></label>
   <label>note <input id="note" name="note" autocomplete="off"></label>
   <div class="buttons"><button type="submit" id="save">save <kbd>Enter</kbd></button><button type="button" id="empty">empty</button>
   <button type="button" id="confirm">confirmed as printed <kbd>c</kbd></button><button type="button" id="remove" hidden>remove decision</button></div>
   <p id="preview" class="preview"></p><p id="message" class="message" role="status"></p></form>
  <div id="source"></div></aside>
</main>
${jsonBlock('report-data', { id: r.id, format: r.format, cells: cellData(v), checks: v.checks, queue: nav.queue })}`;
  return page({ title: `${r.body ?? 'report'} ${r.year ?? ''} — nianbao review`, token, script: 'report.js', body, bodyClass: 'report-page' });
}
