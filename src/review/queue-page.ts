/** The queue page: the filter form with counts, and the reports to review (keyboard: j/k, Enter). */
import type { Db } from '../store/db.ts';
import { esc, page } from './html.ts';
import { QUEUE_KINDS, filterChoices, filterQuery, kindCounts, queueCount, queueRows, type QueueFilter, type QueueKind } from './queue.ts';

const LIMIT = 500;

function select(name: string, value: string | number | null, options: [string, string][]): string {
  const opts = options.map(([v, label]) => `<option value="${esc(v)}"${String(value ?? '') === v ? ' selected' : ''}>${esc(label)}</option>`);
  return `<select name="${name}">${opts.join('')}</select>`;
}

export function queuePage(db: Db, f: QueueFilter, token: string): string {
  const counts = kindCounts(db, f);
  const total = queueCount(db, f);
  const rows = queueRows(db, f, LIMIT);
  const choices = filterChoices(db);
  const q = filterQuery(f);
  const kinds = (Object.keys(QUEUE_KINDS) as QueueKind[]).map((k): [string, string] => [k, `${QUEUE_KINDS[k].label} (${counts[k]})`]);
  const form = `<form class="filter" method="get" action="/">
  <label>show ${select('kind', f.kind, kinds)}</label>
  <label>province ${select('province', f.province, [['', 'any'], ...choices.provinces.map((p): [string, string] => [p, p])])}</label>
  <label>year ${select('year', f.year, [['', 'any'], ...choices.years.map((y): [string, string] => [String(y), String(y)])])}</label>
  <label>template ${select('template', f.template, [['', 'any'], ...choices.templates.map((t): [string, string] => [t, t])])}</label>
  <label>body <input name="body" value="${esc(f.body)}" placeholder="name contains"></label>
  <button type="submit">filter</button></form>`;
  const body = rows.map((r, i) => `<tr data-href="/reports/${r.id}${esc(q)}"${i === 0 ? ' class="selected"' : ''}>
  <td><a href="/reports/${r.id}${esc(q)}">${r.id}</a></td><td>${esc(r.province)}</td><td>${esc(r.place)}</td><td>${esc(r.body)}</td>
  <td>${esc(r.year)}</td><td>${esc(r.template)}</td><td>${esc(r.format)}</td><td class="status-${esc(r.status)}">${esc(r.status)}</td>
  <td class="num">${r.flagged || ''}</td><td class="num">${r.failedChecks || ''}</td><td class="num">${r.derived || ''}</td>
  <td>${r.ocr ? 'OCR' : ''}</td><td class="num">${r.corrections || ''}</td></tr>`);
  const table = rows.length
    ? `<table class="queue" id="queue"><thead><tr><th>#</th><th>province</th><th>place</th><th>body</th><th>year</th><th>template</th>
  <th>format</th><th>status</th><th>flagged cells</th><th>failed checks</th><th>derived</th><th>OCR</th><th>decisions</th></tr></thead>
  <tbody>${body.join('')}</tbody></table>`
    : '<p class="empty-queue">No report matches.</p>';
  const more = total > rows.length ? `<p>Showing the first ${rows.length} of ${total}; narrow the filter to see the others.</p>` : '';
  return page({
    title: `nianbao review: ${total} reports`, token, script: 'queue.js',
    body: `<header><h1>nianbao review</h1><p class="count"><strong id="count">${total}</strong> reports to show</p>
<p class="keys">keys: <kbd>j</kbd>/<kbd>↓</kbd> next, <kbd>k</kbd>/<kbd>↑</kbd> previous, <kbd>Enter</kbd> open</p></header>
${form}${table}${more}`,
  });
}
