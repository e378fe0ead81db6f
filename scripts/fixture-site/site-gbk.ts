/**
 * An older site: pages encoded GBK (declared `gb2312` in <meta>, no charset in the HTTP header), Last-Modified
 * only (no ETag), `.htm` pages, and hrefs that are JS calls, template placeholders or string concatenations
 * left in the markup.
 */
import iconv from 'iconv-lite';
import { numId, type BuildContext } from './build-context.ts';
import { linkList, page } from './html.ts';

const COL = '/xxgk/gknb';

function gbk(html: string): Buffer {
  return iconv.encode(html, 'gb18030');
}

export function buildGbk(ctx: BuildContext): void {
  const { site, docs, pub } = ctx;
  const links = docs.map((d, i) => pub.publish(site, d, {
    detailPath: `${COL}/${d.year}/nb_${numId(i)}.htm`, attachmentPath: `${COL}/upload/${d.id}.${d.format}`,
    charset: 'gb2312', validators: 'last-modified',
  }));
  const junk = `<li><a href="javascript:openWin('win1')">2021年政府信息公开工作年度报告（弹窗）</a></li>
<li><a href="{{item.url}}">{{item.title}}2022年政府信息公开工作年度报告</a></li>
<li><a href="' + item.url + '">2020年政府信息公开工作年度报告</a></li>
<li><a href="url">2019年政府信息公开工作年度报告</a></li>`;
  site.route('/', () => ({
    body: gbk(page('示例镇人民政府', linkList([{ href: '/xxgk/', text: '政务公开' }, { href: `${COL}/list.htm`, text: '政府信息公开年度报告' }]), { charset: 'gb2312' })),
    validators: 'last-modified',
  }));
  site.route(`${COL}/list.htm`, () => ({
    body: gbk(page('政府信息公开年度报告', `${linkList(links)}<ul>${junk}</ul>`, { charset: 'gb2312' })),
    validators: 'last-modified',
  }));
}
