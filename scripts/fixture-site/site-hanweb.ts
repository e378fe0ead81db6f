/**
 * Hanweb (大汉 JCMS) style: a column page with an inline `<script type="text/xml"><datastore>` holding the first
 * records and `dataproxy.jsp` serving the rest as XML (the first proxy request is answered 429 with
 * Retry-After: 1); a 乡镇年报 sub-column filled from a paged JSON API; attachments behind
 * `downfile.jsp?filename=…` download URLs.
 */
import { dd, NEWS, numId, type BuildContext } from './build-context.ts';
import { esc, linkList, page, type Link } from './html.ts';

const PROXY = '/module/web/jpage/dataproxy.jsp';
const PROXY_QUERY = 'page=1&appid=1&webid=1&path=%2F&columnid=1234&unitid=4567&webname=%E7%A4%BA%E4%BE%8B&permissiontype=0';
const PER_PAGE = 2;
const JSON_PAGE = 2;

function record(l: Link): string {
  return `<record><![CDATA[<li><a href="${esc(l.href)}" title="${esc(l.text)}" target="_blank">${esc(l.text)}</a><b>${l.date ?? ''}</b></li>]]></record>`;
}

export function buildHanweb(ctx: BuildContext): void {
  const { site, docs, pub, state } = ctx;
  const links = docs.map((d, i) => pub.publish(site, d, {
    detailPath: `/art/${d.year + 1}/1/${Number(dd(d))}/art_1234_${numId(i)}.html`,
    attachmentPath: `/module/download/downfile.jsp?classid=0&filename=${d.id}.${d.format}`,
  }));
  const split = Math.ceil((links.length * 2) / 3);
  const column = [...links.slice(0, split), NEWS];
  const township = links.slice(split);
  site.route('/', () => ({ body: page('示例区人民政府', linkList([{ href: '/col/col1200/index.html', text: '政务公开' }, { href: '/col/col1234/index.html', text: '政府信息公开年度报告' }])) }));
  site.route('/col/col1234/index.html', () => {
    const inline = column.slice(0, PER_PAGE).map(record).join('\n');
    const store = `<div id="4567"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="${PROXY}?${PROXY_QUERY}"></a>]]></nextgroup>
<recordset>${inline}</recordset></datastore></script></div>
<script type="text/javascript">$(document).ready(function(){ $('#4567').jpage({ dataStore: dataStore, perPage: ${PER_PAGE}, totalRecord: ${column.length}, proxyUrl: '${PROXY}' }); });</script>`;
    return { body: page('政府信息公开年度报告', `${store}${linkList([{ href: '/col/col1240/index.html', text: '乡镇年报' }])}`) };
  });
  site.route(PROXY, (req) => {
    if (!state.once.has('hanweb-429')) {
      state.once.add('hanweb-429');
      return { status: 429, headers: { 'retry-after': '1' }, body: 'Too Many Requests', type: 'text/plain' };
    }
    const start = Number(req.query.get('startrecord') ?? 1);
    const end = Number(req.query.get('endrecord') ?? start + PER_PAGE * 3 - 1);
    const recs = column.slice(start - 1, end).map(record).join('\n');
    const xml = `<?xml version="1.0" encoding="UTF-8"?><datastore><totalrecord>${column.length}</totalrecord><totalpage>${Math.ceil(column.length / PER_PAGE)}</totalpage><recordset>${recs}</recordset></datastore>`;
    return { body: xml, type: 'text/xml;charset=UTF-8', validators: 'none' };
  });
  site.route('/col/col1240/index.html', () => ({
    body: page('乡镇年报', `<ul id="nblist"></ul><script>var listApi = "/api/nb/list.json?columnId=1240&pageNo=1";
fetch(listApi).then(function (r) { return r.json(); }).then(function (j) { /* renders j.data */ });</script>`),
  }));
  site.route('/api/nb/list.json', (req) => {
    const p = Number(req.query.get('pageNo') ?? 1);
    const data = township.slice((p - 1) * JSON_PAGE, p * JSON_PAGE).map((l) => ({ title: l.text, url: l.href, pubDate: `${l.date} 10:00:00` }));
    return { body: JSON.stringify({ pageNo: p, pageCount: Math.max(1, Math.ceil(township.length / JSON_PAGE)), data }), type: 'application/json', validators: 'none' };
  });
}
