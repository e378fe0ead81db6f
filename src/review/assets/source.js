// The report page's side panel: a cell's details and its place in the source (page image, table or text).
// Everything is built with textContent: no text from a report is ever parsed as HTML.

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k === 'style') Object.assign(e.style, v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  return e;
}

function list(items) {
  return items.length ? el('ul', {}, ...items.map((x) => el('li', {}, x))) : el('span', {}, 'none');
}

function describeCheck(k) {
  const exp = k.expected === null ? '' : ` expected ${k.expected}, actual ${k.actual}`;
  return `${k.rule} ${k.column ?? ''}: ${k.status}${exp}`;
}

export function renderDetail(box, cell, checks) {
  const p = cell.provenance ?? {};
  const where = ['page', 'table', 'row', 'col', 'offset', 'confidence'].filter((k) => p[k] !== undefined).map((k) => `${k} ${p[k]}`).join(', ');
  const c = cell.correction;
  const decided = c
    ? `${c.action === 'confirm' ? 'confirmed as printed' : c.action === 'empty' ? 'set empty' : `set to ${c.value}`} by ${c.reviewer}, ${c.correctedAt.slice(0, 16)}` +
      `${c.parsed !== null ? ` (the parser read ${c.parsed})` : ''}${c.note ? `: ${c.note}` : ''}`
    : null;
  box.replaceChildren(
    el('h2', {}, cell.label),
    el('dl', {},
      el('dt', {}, 'code'), el('dd', {}, cell.code),
      el('dt', {}, 'english'), el('dd', {}, cell.english ?? ''),
      el('dt', {}, 'state'), el('dd', { class: `cell st-${cell.state}` }, cell.state),
      el('dt', {}, 'value'), el('dd', { id: 'detail-value' }, cell.value === null ? 'empty' : String(cell.value)),
      el('dt', {}, 'raw text'), el('dd', {}, cell.raw === null ? '(none)' : `「${cell.raw}」`),
      el('dt', {}, 'kind'), el('dd', {}, cell.kind ?? ''),
      el('dt', {}, 'source'), el('dd', {}, `${cell.source ?? ''}${cell.rule ? ` (rule ${cell.rule})` : ''}`),
      el('dt', {}, 'position'), el('dd', {}, where || 'unknown'),
      ...(decided ? [el('dt', {}, 'decision'), el('dd', {}, decided)] : []),
    ),
    el('h3', {}, 'checks it takes part in'), list(cell.checks.map((i) => describeCheck(checks[i]))),
    el('h3', {}, 'warnings'), list(cell.warnings),
  );
}

/** Scrolls the source panel (only it) so that `target` is in its middle. */
function centre(target) {
  const panel = target.closest('#source');
  if (!panel) return;
  const t = target.getBoundingClientRect();
  const p = panel.getBoundingClientRect();
  panel.scrollTop += t.top - p.top - (panel.clientHeight - t.height) / 2;
  panel.scrollLeft += t.left - p.left - (panel.clientWidth - t.width) / 2;
}

function pageView(view) {
  const img = el('img', { src: view.image, alt: `page ${view.page}` });
  const wrap = el('div', { class: 'page', title: 'click to zoom' }, img);
  img.addEventListener('click', () => {
    wrap.classList.toggle('zoom');
    const box = wrap.querySelector('.box');
    if (box) centre(box);
  });
  img.addEventListener('load', () => {
    for (const [x0, y0, x1, y1] of view.boxes) {
      const pct = (v, size) => `${((v * view.scale) / size) * 100}%`;
      const box = el('div', { class: 'box', style: {
        left: pct(x0, img.naturalWidth), top: pct(y0, img.naturalHeight),
        width: pct(x1 - x0, img.naturalWidth), height: pct(y1 - y0, img.naturalHeight),
      } });
      wrap.append(box);
      centre(box);
    }
  });
  return el('div', {}, el('h3', {}, `page ${view.page}`), wrap);
}

function tableView(t) {
  const rows = t.rows.map((cells) => el('tr', {}, ...cells.map((c) => {
    const td = el('td', { class: c.mark ? 'mark' : '' }, c.text);
    if (c.colSpan > 1) td.colSpan = c.colSpan;
    if (c.rowSpan > 1) td.rowSpan = c.rowSpan;
    return td;
  })));
  return el('div', {}, el('h3', {}, `table ${t.index + 1} as extracted`), el('table', { class: 'source-table' }, el('tbody', {}, ...rows)));
}

function textView(lines) {
  return el('div', {}, el('h3', {}, 'text around the cell'), el('div', { class: 'source-text' }, ...lines.map((l) => {
    if (!l.mark) return el('div', {}, l.text || ' ');
    const [a, b] = l.mark;
    return el('div', { class: 'hit' }, l.text.slice(0, a), el('mark', {}, l.text.slice(a, b)), l.text.slice(b));
  })));
}

export function renderSource(box, view) {
  const parts = [];
  if (view.note) parts.push(el('p', {}, view.note));
  if (view.image) parts.push(pageView(view));
  if (view.table) parts.push(tableView(view.table));
  if (view.text) parts.push(textView(view.text));
  box.replaceChildren(...parts);
  const mark = box.querySelector('.mark, mark');
  if (mark && !view.image) centre(mark);
}

export { el };
