// The review server's gate and routes: the token, cookies, host and origin checks, no path traversal, and the
// JSON endpoints (preview, save, remove) over a real pipeline store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startReviewServer, type ReviewServer } from '../../src/review/server.ts';
import { openDb } from '../../src/store/db.ts';
import { reviewFixture } from './fixture-run.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request: the path is sent as written (no URL normalisation), with the given headers. */
function raw(server: ReviewServer, path: string, o: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const { hostname, port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: o.method ?? 'GET', headers: o.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

test('review server: token, cookie, host, origin, traversal, downloads, page images and decisions', { timeout: 180_000 }, async (t) => {
  const fx = await reviewFixture(t);
  const server = await startReviewServer({ config: fx.config, reviewer: 'tester' });
  t.after(() => server.close());
  const cookieName = `nianbao_review_${new URL(server.origin).port}`;
  const auth = { cookie: `${cookieName}=${encodeURIComponent(server.token)}` };
  const api = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    raw(server, path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'x-review-token': server.token, ...headers } });

  // Without the token nothing is served.
  for (const path of ['/', `/reports/${fx.flagged}`, '/assets/review.css', `/reports/${fx.pdf}/original`, `/reports/${fx.pdf}/pages/1.png`]) {
    assert.equal((await raw(server, path)).status, 401, path);
  }
  assert.equal((await raw(server, '/?token=nope')).status, 403);
  assert.equal((await raw(server, '/', { headers: { cookie: `${cookieName}=nope` } })).status, 401);

  // The printed URL: its token becomes an HttpOnly SameSite=Strict cookie, and the token leaves the address.
  const entry = await raw(server, new URL(server.url).pathname + new URL(server.url).search + '&kind=all');
  assert.equal(entry.status, 303);
  assert.equal(entry.headers.location, '/?kind=all');
  assert.match(String(entry.headers['set-cookie']), new RegExp(`^${cookieName}=[^;]+; HttpOnly; SameSite=Strict; Path=/$`));
  const queue = await raw(server, '/?kind=all', { headers: auth });
  assert.equal(queue.status, 200);
  assert.match(queue.body.toString(), /某某镇人民政府/);
  assert.match(String(queue.headers['content-security-policy']), /default-src 'none'; script-src 'self'/);
  assert.equal(queue.headers['x-content-type-options'], 'nosniff');

  // DNS rebinding: a foreign Host is refused even with the cookie.
  assert.equal((await raw(server, '/', { headers: { ...auth, host: `evil.example:${new URL(server.origin).port}` } })).status, 421);

  // No path leads outside the routes (the data folder's own files are reached by report id only).
  for (const path of [
    '/assets/../../package.json', '/assets/..%2f..%2fpackage.json', '/assets/%2e%2e/%2e%2e/package.json', '/assets/review.css%00.js',
    '/../../../../etc/passwd', '//etc/passwd', `/reports/${fx.pdf}/pages/..%2f..%2f..%2fetc%2fpasswd.png`,
    `/reports/${fx.pdf}/original/../../../../../etc/passwd`, `/reports/${fx.pdf}/source?code=../../../../etc/passwd`,
    '/reports/1%2f..%2f..%2fnianbao.sqlite/original', '/raw/', '/nianbao.sqlite', '/assets/auth.ts',
  ]) {
    const r = await raw(server, path, { headers: auth });
    assert.ok(r.status === 404 || r.status === 400, `${path}: ${r.status}`);
    assert.doesNotMatch(r.body.toString('latin1'), /root:|"name": "nianbao"|SQLite format/, path);
  }

  // The original file is a download, never a page of this origin; PDF pages render as PNG.
  const original = await raw(server, `/reports/${fx.pdf}/original`, { headers: auth });
  assert.equal(original.status, 200);
  assert.equal(original.headers['content-type'], 'application/octet-stream');
  assert.match(String(original.headers['content-disposition']), /^attachment; filename="[0-9a-f]{64}\.pdf"$/);
  assert.equal(original.body.subarray(0, 5).toString(), '%PDF-');
  const png = await raw(server, `/reports/${fx.pdf}/pages/1.png`, { headers: auth });
  assert.equal(png.status, 200);
  assert.deepEqual([...png.body.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  assert.equal((await raw(server, `/reports/${fx.pdf}/pages/99.png`, { headers: auth })).status, 404);
  assert.equal((await raw(server, `/reports/${fx.flagged}/pages/1.png`, { headers: auth })).status, 404, 'a text report has no pages');
  const source = JSON.parse((await raw(server, `/reports/${fx.pdf}/source?code=s2.rules.issued`, { headers: auth })).body.toString());
  assert.equal(source.page, 1);
  assert.equal(source.boxes.length, 1, 'the cell is marked on the page');
  assert.equal(source.table.rows.flat().filter((c: { mark?: boolean }) => c.mark).length, 1);

  // Writes need the header (a cookie is not enough), a same-origin Origin and JSON.
  const body = { code: 's4.review.total', action: 'set', value: '2', note: 'n' };
  const path = `/api/reports/${fx.flagged}/corrections`;
  assert.equal((await raw(server, path, { method: 'POST', body: JSON.stringify(body), headers: { ...auth, 'content-type': 'application/json' } })).status, 403);
  assert.equal((await api(path, body, { origin: 'http://evil.example' })).status, 403);
  assert.equal((await api(path, body, { 'sec-fetch-site': 'cross-site' })).status, 403);
  assert.equal((await raw(server, path, { method: 'POST', body: 'code=s4.review.total', headers: { 'x-review-token': server.token, 'content-type': 'application/x-www-form-urlencoded' } })).status, 415);
  assert.equal((await raw(server, `${path}?token=${server.token}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } })).status, 403, 'the query token does not authorise a write');
  const db = openDb(fx.config.db, { readonly: true });
  t.after(() => db.close());
  assert.equal(db.prepare('SELECT COUNT(*) FROM corrections').pluck().get(), 0, 'no refused write reached the store');

  // Preview changes nothing; bad input is refused with the reason; a save re-parses the report at once.
  const preview = JSON.parse((await api(`/api/reports/${fx.flagged}/preview`, body)).body.toString());
  assert.equal(preview.status, 'ok');
  assert.deepEqual(preview.flagged, []);
  assert.equal(preview.checks.find((c: { rule: string; column: string }) => c.rule === 'R4.1' && c.column === 'review').status, 'pass');
  const bad = await api(path, { ...body, value: '2.5' });
  assert.equal(bad.status, 400);
  assert.match(JSON.parse(bad.body.toString()).error, /whole number/);
  assert.equal((await api(path, { ...body, code: 's2.procurement.amount' })).status, 400, 'not a cell of this report');
  assert.equal(db.prepare('SELECT COUNT(*) FROM corrections').pluck().get(), 0);
  const saved = await api(path, body);
  assert.equal(saved.status, 200);
  assert.deepEqual([JSON.parse(saved.body.toString()).report.status, JSON.parse(saved.body.toString()).reparsed], ['ok', true]);
  assert.deepEqual(db.prepare("SELECT value, source, flagged FROM cells WHERE report_id = ? AND code = 's4.review.total'").get(fx.flagged), { value: 2, source: 'corrected', flagged: 0 });
  assert.deepEqual(db.prepare('SELECT code, value, parsed, reviewer, note FROM corrections').get(), { code: 's4.review.total', value: 2, parsed: 0, reviewer: 'tester', note: 'n' });
  const removed = await api(`/api/reports/${fx.flagged}/corrections/delete`, { code: 's4.review.total' });
  assert.equal(JSON.parse(removed.body.toString()).report.status, 'flagged');
  assert.equal(db.prepare('SELECT COUNT(*) FROM corrections').pluck().get(), 0);

  // Document decisions: a division code the registry lacks is refused; "not a report" is applied and undone.
  const unknown = await api(path, { code: 'report.division_code', action: 'set', value: '999999' });
  assert.equal(unknown.status, 400);
  assert.match(JSON.parse(unknown.body.toString()).error, /not in the division registry/);
  const notReport = await api(path, { code: 'report.status', action: 'set', value: 'not_report', note: '通知' });
  assert.equal(JSON.parse(notReport.body.toString()).report.status, 'not_report');
  assert.equal(db.prepare('SELECT COUNT(*) FROM cells WHERE report_id = ?').pluck().get(fx.flagged), 0);
  const page = (await raw(server, `/reports/${fx.flagged}`, { headers: auth })).body.toString();
  assert.match(page, /review\.not_report: a reviewer decided this is not an annual report \(tester, [\d-]+\): 通知/);
  await api(`/api/reports/${fx.flagged}/corrections/delete`, { code: 'report.status' });
  assert.equal(db.prepare('SELECT status FROM reports WHERE id = ?').pluck().get(fx.flagged), 'flagged');
});
