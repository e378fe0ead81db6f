import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSites, nearestColumn, parseSites } from '../../crawlers/sites.ts';
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

test('CSV is read by csv-parse: quotes, doubled quotes, CRLF, a # inside a URL is not a comment', () => {
  const sites = parseSites(`${HEADER}\r\na,"A ""x"", y",,http://a.gov.cn/gkmlpt/annualreport#2,,,,,,,\r\n`);
  assert.equal(sites[0].name, 'A "x", y');
  assert.equal(sites[0].entryUrl, 'http://a.gov.cn/gkmlpt/annualreport#2');
});

test('a CSV syntax error names its line, not a field of a later row', () => {
  const text = `${HEADER}\nok,A,,http://a.gov.cn/,,,,,,,\nbad,"B,,http://b.gov.cn/,,,,,,,\nc,C,,http://c.gov.cn/,,,,,,,\n`;
  assert.throws(() => parseSites(text, 'sites.csv'), (e: unknown) =>
    e instanceof ConfigError && e.code === 'config.site_file_invalid' && /sites\.csv line 3: unterminated quote/.test(e.message));
  assert.throws(() => parseSites(`${HEADER}\na,A,,http://a.gov.cn/,,,,,,,,extra\n`, 's.csv'), /s\.csv line 2: 12 fields where the header has 11/);
});

test('unknown or misspelt columns are errors naming the nearest known column', () => {
  const text = `id,name,entry_url,page_limt,colour\na,A,http://a.gov.cn/,10,red\n`;
  assert.throws(() => parseSites(text, 'sites.csv'), (e: unknown) =>
    e instanceof ConfigError && e.code === 'config.site_unknown_column' &&
    /sites\.csv line 1: unknown columns page_limt \(did you mean page_limit\?\), colour;/.test(e.message));
  assert.throws(() => parseSites(JSON.stringify([{ id: 'a', name: 'A', entryUrl: 'http://a.gov.cn/', maxDepht: 2 }]), 'x.json'),
    /x\.json entry 1: unknown column maxDepht \(did you mean max_depth\?\)/);
  assert.equal(nearestColumn('Entry-URL'), 'entry_url');
  assert.equal(nearestColumn('colour'), null);
});

test('an empty registry is an error; rows whose status is not ok are kept out of the crawl', () => {
  for (const text of ['', `${HEADER}\n`, '# only a comment\n', '[]']) {
    assert.throws(() => parseSites(text, 'e.csv'), (e: unknown) => e instanceof ConfigError && e.code === 'config.site_registry_empty');
  }
  const header = `${HEADER},level,parent,source,status,status_reason`;
  const sites = parseSites(`${header}\n` +
    'gov-330903,普陀区,330903,http://www.putuo.gov.cn/,home,,,0.5,1500,putuo.gov.cn,6,county,330900,list.csv line 9,duplicate_url,claimed twice\n' +
    'gov-350527,金门县,350527,,home,,,0.5,1500,,6,county,350500,list.csv line 10,no_url,the list gives no URL\n' +
    'gov-330902,定海区,330902,http://www.dinghai.gov.cn/,home,,,0.5,1500,dinghai.gov.cn,6,county,330900,list.csv line 8,ok,\n', 'r.csv');
  assert.deepEqual(sites.map((s) => [s.id, s.level, s.parent, s.source, s.status]), [['gov-330902', 'county', '330900', 'list.csv line 8', 'ok']]);
  assert.throws(() => parseSites(`${header}\nx,X,,http://x.gov.cn/,,,,,,,,,,,no_url,\n`, 'n.csv'), /no site to crawl/);
  assert.throws(() => parseSites(`${header}\nx,X,,http://x.gov.cn/,,,,,,,,city,,,,\n`, 'l.csv'), /l\.csv line 2 \(id x\): level/);
});
