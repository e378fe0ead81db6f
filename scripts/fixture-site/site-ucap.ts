/**
 * ucap (开普云) style: a `.shtml` column paged by `?page=N` with a 共N页 pager whose 尾页 link points one past
 * the end (the server redirects past-the-end pages back to page 1), 部门年报 and 乡镇（街道）年报
 * sub-columns, robots.txt Disallow of a draft folder, a detail page that fails once with 503, and DOC / WPS
 * attachments.
 */
import { numId, type BuildContext } from './build-context.ts';
import { linkList, page, type Link } from './html.ts';

const COL = '/xxgk/ndbb';
const PER_PAGE = 2;

export function buildUcap(ctx: BuildContext): void {
  const { site, docs, pub, state } = ctx;
  site.route('/robots.txt', () => ({ type: 'text/plain', body: `User-agent: *\nDisallow: ${COL}/draft/\n` }));
  const subOf = (i: number): string => (i % 3 === 1 ? 'bm' : i % 3 === 2 ? 'xz' : 'zf');
  const links = new Map<string, Link[]>([['zf', []], ['bm', []], ['xz', []]]);
  docs.forEach((d, i) => {
    const sub = subOf(i);
    const detailPath = `${COL}/${sub}/${numId(i)}.shtml`;
    const link = pub.publish(site, d, { detailPath, attachmentPath: `${COL}/files/${d.id}.${d.format}` });
    links.get(sub)?.push(link);
    if (i === 0) {
      const route = site.routes.get(detailPath);
      site.route(detailPath, (req) => {
        if (!state.once.has('ucap-503')) {
          state.once.add('ucap-503');
          return { status: 503, body: 'Service Unavailable', type: 'text/plain' };
        }
        return route?.(req);
      });
    }
  });
  const main = links.get('zf') ?? [];
  const pages = Math.max(1, Math.ceil(main.length / PER_PAGE));
  const column = (req: { query: URLSearchParams }) => {
    const p = Number(req.query.get('page') ?? 1);
    if (p > pages || p < 1) return { status: 302, headers: { location: `${COL}/index.shtml?page=1` } };
    const items = main.slice((p - 1) * PER_PAGE, p * PER_PAGE);
    if (p === 1) items.push({ href: `${COL}/draft/nb2024.shtml`, text: '2024年政府信息公开工作年度报告', date: '2025-01-05' });
    const pager = `<div class="pager">共${pages}页 <a href="${COL}/index.shtml?page=1">首页</a> <a href="${COL}/index.shtml?page=${Math.min(p + 1, pages)}">下一页</a> <a href="${COL}/index.shtml?page=${pages + 1}">尾页</a></div>`;
    const subs = linkList([{ href: `${COL}/bm/index.shtml`, text: '部门年报' }, { href: `${COL}/xz/index.shtml`, text: '乡镇（街道）年报' }]);
    return { body: page('信息公开年报', `${subs}${linkList(items)}${pager}`) };
  };
  site.route(`${COL}/index.shtml`, column);
  site.route(`${COL}/bm/index.shtml`, () => ({ body: page('部门年报', linkList(links.get('bm') ?? [])) }));
  const summary = { href: `${COL}/xz/hz2022.shtml`, text: '乡镇（街道）2022年政府信息公开工作年度报告汇总', date: '2023-02-01' };
  site.route(`${COL}/xz/index.shtml`, () => ({ body: page('乡镇（街道）年报', linkList([summary])) }));
  const all = [...(links.get('xz') ?? []), ...main, ...(links.get('bm') ?? [])];
  site.route(summary.href, () => ({ body: page(summary.text, `<h1>${summary.text}</h1>${linkList(all)}`) }));
  site.route(`${COL}/draft/nb2024.shtml`, () => ({ body: page('草稿', '<p>草稿</p>') }));
  site.route('/', () => ({ body: page('示例市人民政府', linkList([{ href: '/xxgk/', text: '信息公开' }, { href: `${COL}/index.shtml`, text: '信息公开年报' }])) }));
}
