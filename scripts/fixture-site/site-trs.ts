/**
 * TRS-style portal: static lists index.html / index_1.html / index_2.html paged by inline
 * `createPageHTML(3, i, "index", "html")`, an old column URL that 301-redirects, robots.txt Disallow
 * /private/, `_wap` twins, links to a non-government mirror, a slow detail page, a PDF linked straight from
 * the list, the same PDF bytes re-posted at a second URL, a "往年年报" archive that never ends (trap), and
 * the document that changes in revision 2 plus a new report appearing in revision 2.
 */
import { dd, NEWS, numId, type BuildContext } from './build-context.ts';
import { detailHtml, linkList, page, type Link } from './html.ts';

const COL = '/zfxxgk/zfxxgknb';
const PAGES = 3;

function revise(html: Buffer, revision: number): Buffer {
  if (revision < 2) return html;
  return Buffer.from(html.toString('utf8').replace('</body>', '<p>（修订说明：本报告于发布后更正了部分表述。）</p></body>'), 'utf8');
}

export function buildTrs(ctx: BuildContext): void {
  const { site, docs, pub, state, mirror } = ctx;
  site.route('/robots.txt', () => ({ type: 'text/plain', body: 'User-agent: *\nDisallow: /private/\n' }));
  const firstPdf = docs.findIndex((d) => d.format === 'pdf');
  let revisedDone = false;
  const links: Link[] = docs.map((d, i) => {
    const dir = `${COL}/${d.year + 1}01`;
    const stem = `t${d.year + 1}01${dd(d)}_${numId(i)}`;
    const revised = !revisedDone && (d.format === 'html' || d.format === 'txt') && d.fallback;
    if (revised) revisedDone = true;
    const extra = `<p><a href="${mirror.url(`/mirror${dir}/${stem}.pdf`)}">镜像下载</a> <a href="/zfxxgk/zn/guide.pdf">政府信息公开指南</a></p>`;
    return pub.publish(site, d, {
      detailPath: `${dir}/${stem}.html`, attachmentPath: `${dir}/P0${d.year + 1}01${dd(d)}${numId(i)}.${d.format}`,
      direct: i === firstPdf, delayMs: i === 0 ? 700 : undefined, extra, revise: revised ? revise : undefined,
    });
  });
  const extraLink = ctx.extra ? pub.publish(site, ctx.extra, { detailPath: `${COL}/202501/t20250120_2001.html`, fromRevision: 2 }) : undefined;
  // A second URL for bytes already published (a re-post): stored as a duplicate, not a new report.
  const pdf = docs[firstPdf];
  if (pdf) {
    site.route(`${COL}/uploads/repost.pdf`, () => ({ body: pdf.bytes, type: 'application/pdf' }));
    site.route(`${COL}/repost.html`, () => ({
      body: detailHtml({ title: `${pdf.title}（重发）`, date: '2024-02-01', content: '<p>详见附件。</p>', attachments: [{ href: `${COL}/uploads/repost.pdf`, text: '附件1.pdf' }] }),
    }));
  }
  const perPage = Math.max(1, Math.ceil(links.length / PAGES));
  const listPage = (i: number) => () => {
    const items = links.slice(i * perPage, (i + 1) * perPage);
    if (i === 0) {
      if (extraLink && state.revision >= 2) items.unshift(extraLink);
      const first = links.find((l) => l.href.endsWith('.html'));
      if (first) items.push({ ...first, href: first.href.replace('.html', '_wap.html'), text: `${first.text}（手机版）` });
      items.push({ href: '/private/nb2018.html', text: '2018年政府信息公开工作年度报告', date: '2019-01-10' });
      items.push({ href: mirror.url('/mirror/zfxxgknb/index.html'), text: `${links[0]?.text ?? '2023年政府信息公开工作年度报告'}（镜像）`, date: '2024-01-02' });
    }
    if (i === 1 && pdf) items.push({ href: `${COL}/repost.html`, text: `${pdf.title}（重发）`, date: '2024-02-01' });
    items.push(NEWS);
    const script = `<script>var countPage = ${PAGES};createPageHTML(${PAGES}, ${i}, "index", "html");</script>`;
    return { body: page('政府信息公开年报', `<div class="list">${linkList(items)}</div><div class="page">${script}</div>`) };
  };
  site.route(`${COL}/index.html`, listPage(0));
  site.route(`${COL}/`, listPage(0));
  for (let i = 1; i < PAGES; i++) site.route(`${COL}/index_${i}.html`, listPage(i));
  site.route('/xxgk/nb/', () => ({ status: 301, headers: { location: `${COL}/index.html` } }));
  const latest = links[links.length - 1];
  site.route('/', () => ({
    body: page('示例县人民政府', linkList([
      { href: '/zfxxgk/', text: '政府信息公开' }, { href: '/xxgk/nb/', text: '政府信息公开年报' },
      { href: '/zfxxgk/archive/?y=2023', text: '往年年报' }, ...(latest ? [{ ...latest }] : []),
    ])),
  }));
  site.route('/zfxxgk/', () => ({ body: page('政府信息公开', linkList([{ href: '/xxgk/nb/', text: '政府信息公开年报' }, NEWS])) }));
  site.route('/zfxxgk/archive/', (req) => {
    const y = Number(req.query.get('y') ?? 2023);
    const p = Number(req.query.get('page') ?? 1);
    return { body: page(`往年年报 ${y}`, linkList([
      { href: `/zfxxgk/archive/?y=${y - 1}`, text: '更早年报' }, { href: `/zfxxgk/archive/?y=${y}&page=${p + 1}`, text: '下一页' },
    ])), validators: 'none' };
  });
  site.route('/private/nb2018.html', () => ({ body: detailHtml({ title: '2018年政府信息公开工作年度报告（内部稿）', date: '2019-01-10', content: '<p>内部稿</p>' }) }));
  site.route('/zfxxgk/zn/guide.pdf', () => ({ body: '%PDF-1.4 guide', type: 'application/pdf' }));
  site.fallback = (req) => {
    if (req.path.endsWith('_wap.html')) {
      const desktop = site.routes.get(req.path.replace('_wap.html', '.html'));
      const r = desktop?.(req);
      if (r?.body) return { ...r, body: Buffer.concat([Buffer.from('<!-- wap -->'), Buffer.from(r.body)]) };
    }
    return undefined;
  };
}
