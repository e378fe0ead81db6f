/**
 * The coverage matrix as one self-contained HTML page (inline CSS, no script, no external resource): a
 * heat map of the share of bodies with a parsed report per province and year, then the bodies × years
 * matrix, then the reports whose body could not be placed.
 */
import type { CellStatus, Counts, CoverageMatrix, ProvinceCoverage } from './coverage.ts';

const LEVEL_NAMES = { province: '省级', city: '地级', county: '县级', township: '乡级' } as const;
const MARK: Record<CellStatus, string> = { parsed: '✓', found: '!', missing: '' };
const LABEL: Record<CellStatus, string> = {
  parsed: 'published and parsed', found: 'found, not parsed', missing: 'not found',
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const pct = (x: number): string => (x > 0 && x < 0.01 ? '<1%' : `${Math.round(x * 100)}%`);

/** Heat colour for a share of bodies with a parsed report: pale for 0, deep green for 1. */
function heat(share: number): string {
  const light = Math.round(96 - share * 58);
  return `background:hsl(145,55%,${light}%);color:${light < 60 ? '#fff' : '#123'}`;
}

function heatCell(c: Counts, bodies: number): string {
  const share = bodies ? c.parsed / bodies : 0;
  const tip = `${c.parsed} parsed, ${c.found} found not parsed, ${c.missing} not found of ${bodies}`;
  return `<td class="h" style="${heat(share)}" title="${tip}">${escapeHtml(pct(share))}<small>${c.parsed}/${bodies}</small></td>`;
}

function provinceRow(p: ProvinceCoverage, years: number, total = false): string {
  const all = p.bodies * years;
  const cells = p.byYear.map((y) => heatCell(y, p.bodies)).join('');
  return `<tr${total ? ' class="total"' : ''}><th>${escapeHtml(p.name)}</th><td class="n">${p.bodies}</td>${cells}${heatCell(p.total, all)}</tr>`;
}

function provincesSection(m: CoverageMatrix): string {
  const head = m.years.map((y) => `<th>${y}</th>`).join('');
  const rows = m.provinces.map((p) => provinceRow(p, m.years.length)).join('\n');
  return `<section><h2>Per province: share of bodies with a parsed report</h2>
<table id="provinces" class="heat"><thead><tr><th>province</th><th>bodies</th>${head}<th>all years</th></tr></thead>
<tbody>
${rows}
${provinceRow(m.totals, m.years.length, true)}
</tbody></table></section>`;
}

function matrixSection(m: CoverageMatrix): string {
  const head = m.years.map((y) => `<th>${y}</th>`).join('');
  const showTownship = m.level === 'township';
  const rows = m.rows.map((r) => {
    const c = r.columns;
    const path = [c.city, showTownship ? c.county : null].filter(Boolean).map((s) => escapeHtml(s!)).join(' · ');
    const cells = r.cells.map((s) => `<td class="${s[0]}">${MARK[s]}</td>`).join('');
    return `<tr><td class="code">${r.code}</td><td>${escapeHtml(c.province ?? '')}</td><td>${path}</td><th>${escapeHtml(r.name)}</th>${cells}</tr>`;
  });
  return `<section><h2>Bodies × years (${m.rows.length} ${LEVEL_NAMES[m.level]} bodies)</h2>
<p class="legend"><span class="p">✓</span> ${LABEL.parsed} <span class="f">!</span> ${LABEL.found} <span class="m"></span> ${LABEL.missing}</p>
<table id="matrix" class="matrix"><thead><tr><th>code</th><th>province</th><th>${showTownship ? 'city · county' : 'city'}</th><th>body</th>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></section>`;
}

function unplacedSection(m: CoverageMatrix): string {
  if (m.unplaced.length === 0) return '';
  const rows = m.unplaced.slice(0, 500).map((u) =>
    `<tr><td>${escapeHtml(u.body || '(no body)')}</td><td>${u.year}</td><td class="${u.status[0]}">${LABEL[u.status]}</td><td class="n">${u.reports}</td></tr>`);
  const more = m.unplaced.length > 500 ? `<p>… and ${m.unplaced.length - 500} more in coverage-unplaced.csv</p>` : '';
  return `<section><h2>Published but not placed in a division (all provinces)</h2>
<table id="unplaced"><thead><tr><th>body</th><th>year</th><th>status</th><th>reports</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>${more}</section>`;
}

const CSS = `
body{font:14px/1.4 "Noto Sans CJK SC","WenQuanYi Zen Hei",system-ui,sans-serif;margin:1.5em;color:#123}
h1{font-size:1.4em;margin:0 0 .2em}h2{font-size:1.1em;margin:1.5em 0 .5em}.meta{color:#567;margin:0}
table{border-collapse:collapse}th,td{border:1px solid #dde3ea;padding:2px 6px;text-align:left;white-space:nowrap}
thead th{position:sticky;top:0;background:#f3f6f9;z-index:1}td.n{text-align:right}
.heat td.h{text-align:center;min-width:4.5em}.heat small{display:block;font-size:.75em;opacity:.8}
tr.total th,tr.total td{font-weight:bold;border-top:2px solid #789}
.matrix td.p,.matrix td.f,.matrix td.m{text-align:center;min-width:2.6em;font-weight:bold}
.p{background:#2e9d5b;color:#fff}.f{background:#f0b429;color:#3d2a00}.m{background:#eef1f4;color:#99a}
.legend span{display:inline-block;width:1.6em;text-align:center;margin-left:1em;border:1px solid #ccd}
td.code{font-family:ui-monospace,monospace;color:#567}
`;

/** `extraSections`: more HTML sections placed after the per-province heat map (coverage's registry view). */
export function renderCoverageHtml(m: CoverageMatrix, generatedAt: string, extraSections = ''): string {
  const scope = [LEVEL_NAMES[m.level], m.province ?? '全国'].join(' · ');
  const years = m.years.length ? `${m.years[0]}–${m.years[m.years.length - 1]}` : 'no reports yet';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>nianbao coverage: ${escapeHtml(scope)}</title><style>${CSS}</style></head>
<body>
<h1>Who published annual reports (政府信息公开工作年度报告)</h1>
<p class="meta">${escapeHtml(scope)} · ${years} · ${m.rows.length} bodies · registry ${escapeHtml(m.registry)} · generated ${escapeHtml(generatedAt)}</p>
${provincesSection(m)}
${extraSections}
${matrixSection(m)}
${unplacedSection(m)}
</body></html>
`;
}
