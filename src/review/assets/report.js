// The report page: select a cell (click, arrows, f/F for flagged cells), see its details and its place in the
// source, type the value read off the source (the checks are re-run as you type), save, confirm or remove.
import { renderDetail, renderSource } from './source.js';

const data = JSON.parse(document.getElementById('report-data').textContent);
const token = document.querySelector('meta[name="review-token"]').content;
const cells = [...document.querySelectorAll('td.cell')];
const form = document.getElementById('correct');
const input = document.getElementById('value');
const note = document.getElementById('note');
const message = document.getElementById('message');
const preview = document.getElementById('preview');
let current = null;
let previewTimer = null;

async function post(path, body) {
  const res = await fetch(path, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-review-token': token }, body: JSON.stringify(body),
  });
  const out = await res.json().catch(() => ({ error: res.statusText }));
  if (!res.ok) throw new Error(out.error ?? res.statusText);
  return out;
}

function say(text, bad = false) {
  message.textContent = text;
  message.classList.toggle('bad', bad);
}

function baseState(code) {
  return data.cells[code].state;
}

/** The state a cell has when no check flags it. */
function plainState(code) {
  const c = data.cells[code];
  return c.value === null ? 'empty' : c.source === 'derived' ? 'derived' : 'read';
}

function setState(td, state) {
  td.className = td.className.replace(/\bst-\S+/, `st-${state}`);
}

function shown(code) {
  const v = data.cells[code].value;
  return v === null ? '—' : String(v);
}

function resetPreview() {
  preview.textContent = '';
  for (const td of cells) {
    setState(td, baseState(td.dataset.code));
    td.textContent = shown(td.dataset.code);
  }
  data.checks.forEach((k, i) => showCheck(i, k));
}

function showCheck(i, k) {
  const row = document.querySelector(`#checks tr[data-check="${i}"]`);
  if (!row) return;
  row.className = `check-${k.status}${current && k.cells.includes(current.dataset.code) ? ' involved' : ''}`;
  row.querySelector('.check-status').textContent = k.status;
  row.querySelector('.check-expected').textContent = k.expected ?? '';
  row.querySelector('.check-actual').textContent = k.actual ?? '';
}

async function select(td, { edit = false } = {}) {
  if (!td) return;
  current?.classList.remove('selected');
  current = td;
  td.classList.add('selected');
  td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const cell = data.cells[td.dataset.code];
  history.replaceState(null, '', `#cell=${encodeURIComponent(cell.code)}`);
  renderDetail(document.getElementById('detail'), cell, data.checks);
  form.hidden = false;
  input.value = cell.value === null ? '' : String(cell.value);
  note.value = cell.correction?.note ?? '';
  document.getElementById('remove').hidden = !cell.correction;
  say('');
  resetPreview();
  if (edit) input.focus();
  const source = document.getElementById('source');
  source.textContent = 'loading the source…';
  try {
    const res = await fetch(`/reports/${data.id}/source?code=${encodeURIComponent(cell.code)}`);
    const view = await res.json();
    if (current === td) renderSource(source, res.ok ? view : { note: view.error ?? res.statusText, boxes: [] });
  } catch (e) {
    source.textContent = `the source could not be loaded: ${e.message}`;
  }
}

function flaggedFrom(step) {
  const flagged = cells.filter((td) => td.classList.contains('st-flagged'));
  if (flagged.length === 0) return say('no flagged cell left in this report');
  const at = current ? cells.indexOf(current) : step > 0 ? -1 : cells.length;
  const next = step > 0 ? flagged.find((td) => cells.indexOf(td) > at) ?? flagged[0] : [...flagged].reverse().find((td) => cells.indexOf(td) < at) ?? flagged[flagged.length - 1];
  select(next);
}

/** The cell in the next (or previous) table row closest to the current one's column. */
function vertical(step) {
  if (!current) return select(cells[0]);
  const r = current.getBoundingClientRect();
  const x = (r.left + r.right) / 2;
  const rows = cells.map((td) => ({ td, b: td.getBoundingClientRect() })).filter(({ b }) => (step > 0 ? b.top > r.top + 1 : b.top < r.top - 1));
  if (rows.length === 0) return;
  const top = step > 0 ? Math.min(...rows.map(({ b }) => b.top)) : Math.max(...rows.map(({ b }) => b.top));
  const line = rows.filter(({ b }) => Math.abs(b.top - top) < 2);
  line.sort((a, b) => Math.abs((a.b.left + a.b.right) / 2 - x) - Math.abs((b.b.left + b.b.right) / 2 - x));
  select(line[0].td);
}

async function decide(action, value) {
  if (!current) return;
  const code = current.dataset.code;
  say('saving…');
  try {
    const out = await post(`/api/reports/${data.id}/corrections`, { code, action, value, note: note.value });
    say(out.reparsed ? 'saved' : 'saved; applied at the next run (the extracted document is missing)');
    location.hash = `cell=${encodeURIComponent(code)}`;
    location.reload();
  } catch (e) {
    say(e.message, true);
  }
}

async function livePreview() {
  if (!current) return;
  const value = input.value.trim();
  if (value === '') return resetPreview();
  try {
    const out = await post(`/api/reports/${data.id}/preview`, { code: current.dataset.code, action: 'set', value });
    const flagged = new Set(out.flagged);
    for (const td of cells) {
      const code = td.dataset.code;
      const state = baseState(code);
      if (code === current.dataset.code) {
        setState(td, 'preview');
        td.textContent = value;
      }
      else if (state !== 'corrected' && state !== 'confirmed') setState(td, flagged.has(code) ? 'flagged' : plainState(code));
    }
    out.checks.forEach((k, i) => showCheck(i, k));
    const failed = out.checks.filter((k) => k.status === 'fail').length;
    preview.textContent = `with ${value}: ${failed} failed checks, ${out.flagged.length} flagged cells; the report would be ${out.status}`;
  } catch (e) {
    preview.textContent = e.message;
  }
}

cells.forEach((td) => td.addEventListener('click', () => select(td)));
form.addEventListener('submit', (e) => {
  e.preventDefault();
  if (input.value.trim() === '') return say('type the value the source shows, or use "empty"', true);
  decide('set', input.value.trim());
});
input.addEventListener('input', () => {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(livePreview, 200);
});
document.getElementById('empty').addEventListener('click', () => decide('empty', ''));
// Confirming an empty cell says the source prints no number there: that is the "empty" decision.
document.getElementById('confirm').addEventListener('click', () => {
  const value = data.cells[current.dataset.code].value;
  decide(value === null ? 'empty' : 'confirm', value ?? '');
});
document.getElementById('remove').addEventListener('click', async () => {
  try {
    await post(`/api/reports/${data.id}/corrections/delete`, { code: current.dataset.code });
    location.reload();
  } catch (e) {
    say(e.message, true);
  }
});
form.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') {
    e.preventDefault();
    document.activeElement.blur();
    resetPreview();
  }
});

// Document decisions: the changed fields are saved one by one, then the page reloads.
const docForm = document.getElementById('decision-form');
async function decideDocument(entries) {
  try {
    for (const [code, value] of entries) await post(`/api/reports/${data.id}/corrections`, { code, action: 'set', value, note: docForm.elements.note.value });
    location.reload();
  } catch (e) {
    alert(e.message);
  }
}
docForm?.addEventListener('submit', (e) => {
  e.preventDefault();
  const changed = [...docForm.querySelectorAll('input[name^="report."]')].filter((i) => i.value.trim() !== i.defaultValue).map((i) => [i.name, i.value.trim()]);
  if (changed.length) decideDocument(changed);
});
document.getElementById('not-report')?.addEventListener('click', () => decideDocument([['report.status', 'not_report']]));
for (const b of document.querySelectorAll('button.undo')) {
  b.addEventListener('click', () => post(`/api/reports/${data.id}/corrections/delete`, { code: b.dataset.code }).then(() => location.reload(), (e) => alert(e.message)));
}

document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest('input, select, textarea, button')) return;
  const go = (id) => document.getElementById(id)?.click();
  const at = current ? cells.indexOf(current) : -1;
  switch (e.key) {
    case 'f': flaggedFrom(1); break;
    case 'F': flaggedFrom(-1); break;
    case 'ArrowRight': select(cells[Math.min(cells.length - 1, at + 1)]); break;
    case 'ArrowLeft': select(cells[Math.max(0, at - 1)]); break;
    case 'ArrowDown': vertical(1); break;
    case 'ArrowUp': vertical(-1); break;
    case 'Enter': case 'e': if (current) input.focus(); break;
    case 'c': if (current) document.getElementById('confirm').click(); break;
    case 'j': go('nav-next'); break;
    case 'k': go('nav-prev'); break;
    case 'u': go('nav-up'); break;
    default: return;
  }
  e.preventDefault();
});

const wanted = /cell=([^&]+)/.exec(location.hash);
const start = wanted && cells.find((td) => td.dataset.code === decodeURIComponent(wanted[1]));
if (start) select(start);
