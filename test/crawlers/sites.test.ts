import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSites, parseCsv, parseSites } from '../../crawlers/sites.ts';
import { ConfigError } from '../../src/model/errors.ts';

const HEADER = 'id,name,division,entry_url,entry_role,adapter,render,rps,page_limit,allowed_hosts,max_depth';

test('CSV registry: defaults, host lists, comments', () => {
  const sites = parseSites(`# comment\n${HEADER}\nhz,"洪泽区, 年报",320813,http://www.hongze.gov.cn/col/1/index.html,column,trs,static,0.5,300,hongze.gov.cn;hz.gov.cn,3\nsy,沭阳,,http://www.shuyang.gov.cn/,,,,,,,\n`);
  assert.equal(sites.length, 2);
  assert.deepEqual(sites[0], {
    id: 'hz', name: '洪泽区, 年报', division: '320813', entryUrl: 'http://www.hongze.gov.cn/col/1/index.html', entryRole: 'column',
    adapter: 'trs', render: 'static', rps: 0.5, pageLimit: 300, allowedHosts: ['hongze.gov.cn', 'hz.gov.cn'], maxDepth: 3,
  });
  assert.deepEqual(sites[1].allowedHosts, ['shuyang.gov.cn']);
  assert.equal(sites[1].rps, 1);
  assert.equal(sites[1].adapter, 'auto');
});

test('a bad row is one ConfigError naming the file, the line and the field', () => {
  const bad = (text: string, re: RegExp) => assert.throws(() => parseSites(text, 'sites.csv'), (e: unknown) => e instanceof ConfigError && re.test(e.message));
  bad(`${HEADER}\nok,A,,http://a.gov.cn/,,,,,,,\nbad,B,,not a url,,,,,,,\n`, /sites\.csv line 3 \(id bad\).*entryUrl/);
  bad(`${HEADER}\nx,A,,http://a.gov.cn/,,,,fast,,,\n`, /line 2.*rps/);
  bad(`${HEADER}\nx,A,,http://a.gov.cn/,,wordpress,,,,,\n`, /adapter/);
  bad(`${HEADER}\nx,A,12,http://a.gov.cn/,,,,,,,\n`, /division/);
  bad(`${HEADER}\nx,A,,http://a.gov.cn/,,,,,,b.gov.cn,\n`, /not in allowed_hosts/);
  bad(`${HEADER}\nx,A,,http://a.gov.cn/,,,,,,,\nx,B,,http://b.gov.cn/,,,,,,,\n`, /duplicate id x/);
});

test('JSON registry (array or {sites}), camelCase or snake_case', () => {
  const a = parseSites(JSON.stringify([{ id: 'a', name: 'A', entryUrl: 'http://a.gov.cn/', allowedHosts: ['a.gov.cn'], rps: 2 }]));
  const b = parseSites(JSON.stringify({ sites: [{ id: 'a', name: 'A', entry_url: 'http://a.gov.cn/', allowed_hosts: 'a.gov.cn', rps: '2' }] }));
  assert.deepEqual(a, b);
  assert.throws(() => parseSites('[{"id":"a"}]', 'x.json'), /x\.json entry 1 \(id a\)/);
  assert.throws(() => parseSites('{"nope":1}', 'x.json'), ConfigError);
});

test('loadSites reads a file or every registry file in a folder; the checked-in registry is valid', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-sites-'));
  try {
    writeFileSync(join(dir, 'a.csv'), `${HEADER}\na,A,,http://a.gov.cn/,,,,,,,\n`);
    writeFileSync(join(dir, 'b.json'), JSON.stringify([{ id: 'b', name: 'B', entry_url: 'http://b.gov.cn/' }]));
    assert.deepEqual(loadSites(dir).map((s) => s.id), ['a', 'b']);
    assert.throws(() => loadSites(join(dir, 'missing.csv')), (e: unknown) => e instanceof ConfigError && e.code === 'config.site_file_missing');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const real = loadSites(fileURLToPath(new URL('../../data/sites/sites.csv', import.meta.url)));
  assert.ok(real.some((s) => s.id === 'hongze' && s.allowedHosts.includes('hongze.gov.cn')));
});

test('parseCsv: quotes, doubled quotes, CRLF', () => {
  assert.deepEqual(parseCsv('a,"b,""c"""\r\n1,2\r\n'), [['a', 'b,"c"'], ['1', '2']]);
});
