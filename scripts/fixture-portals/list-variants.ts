/**
 * Variations of static list pages that real county portals show (the later patterns): 政府信息公开目录 tables
 * (index-table), pagination only through a `<select>` (select-pager), hrefs with whitespace and titles with
 * full-width digits (whitespace-hrefs), links written protocol-relative, with an upper-case scheme or a
 * #fragment, and sub-columns linked by their folder (host-variants). Every choice is a hash of the portal and the
 * item, so a page has the same bytes whenever it is asked for.
 */
import { routeKey } from '../fixture-site/server.ts';
import { anchor, cut, esc, type Entry, type LinkStyle } from './markup.ts';
import type { Item } from './plan.ts';
import type { HostRole, Portal } from './portal.ts';

/** A stable number in [0, n) for (portal, key). */
export function variant(portal: Portal, key: string, n: number): number {
  return portal.variant(key, n);
}

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';

/** whitespace-hrefs: some listed titles carry full-width digits (２０２３年度…); run before the family builds its lists. */
export function widenTitles(portal: Portal): void {
  if (!portal.has('whitespace-hrefs')) return;
  for (const item of portal.plan.items) {
    if (variant(portal, `fw/${item.n}`, 5) < 2) item.title = item.title.replace(/[0-9]/g, (d) => FULL_WIDTH_DIGITS[Number(d)]!);
  }
}

type Listed = Entry & { item?: Item };

/**
 * An entry's href as a varied list writes it: host-variants (absolute, protocol-relative, HTTP://, #fragment)
 * and whitespace-hrefs (newlines and tabs around or inside; only spaces inside script string literals).
 */
export function varyHref(portal: Portal, here: string, e: Listed, style: LinkStyle): string {
  const n = e.item?.n ?? 0;
  let href = e.href;
  if (portal.has('host-variants')) {
    const abs = new URL(href, here);
    switch (variant(portal, `hv/${n}`, 4)) {
      case 0: href = `//${abs.host}${abs.pathname}${abs.search}`; break;
      case 1: href = `HTTP://${abs.host}${abs.pathname}${abs.search}`; break;
      case 2: href = `${abs.href}#${variant(portal, `frag/${n}`, 2) ? 'content' : 'top'}`; break;
      default: break;
    }
  }
  if (portal.has('whitespace-hrefs')) {
    const k = variant(portal, `ws/${n}`, 4);
    const scripted = style === 'onclick' || style === 'location';
    if (scripted) return k === 0 ? href : ` ${href} `;
    if (k === 1) return `\n\t\t\t${href}\n\t\t`;
    if (k === 2) return `  ${href}\t`;
    if (k === 3) {
      // A template that wraps the attribute: a newline and tabs between the folder and the file name.
      const cutAt = href.lastIndexOf('/');
      return cutAt > 0 && cutAt < href.length - 1 ? `${href.slice(0, cutAt + 1)}\n\t\t${href.slice(cutAt + 1)}` : `\n${href}`;
    }
  }
  return href;
}

/** host-variants: a sub-column link `…/index.html` written as its folder `…/` when the folder answers too. */
export function varyChildHref(portal: Portal, role: HostRole, here: string, href: string): string {
  if (!portal.has('host-variants') || !/(^|\/)index\.html$/.test(href)) return href;
  const abs = new URL(href, here);
  const dir = abs.pathname.replace(/index\.html$/, '');
  if (abs.search || !portal.site(role).routes.has(routeKey(dir)) || new URL(here).host !== abs.host) return href;
  return href.replace(/index\.html$/, '');
}

/** index-table: 索引号 / 名称 / 发布机构 / 生成日期; the 名称 cut (full title in title=), some rows linked only on the 索引号. */
export function indexTable(portal: Portal, entries: Listed[], style: (e: Entry, i: number) => LinkStyle): string {
  const rows = entries.map((e, i) => {
    const item = e.item;
    const n = item?.n ?? i;
    const year = item?.date.slice(0, 4) ?? e.date.slice(0, 4);
    const code = `${portal.plan.siteCode.slice(0, 6)}${String(item?.organ.num ?? 0).padStart(4, '0')}/${year}-${String(n * 7 + 3).padStart(5, '0')}`;
    const organ = item ? (item.organ.kind === 'county' ? `${portal.plan.county.name}人民政府办公室` : item.organ.body) : '';
    const s = style(e, i);
    const onIndex = (s === 'plain' || s === 'truncated') && variant(portal, `it/${n}`, 3) === 0;
    const name = onIndex
      ? `<td class="mc" title="${esc(e.title)}">${esc(cut(e.title))}</td>`
      : `<td class="mc">${anchor(e, s === 'plain' ? 'truncated' : s)}</td>`;
    const idx = onIndex ? `<td class="syh"><a href="${esc(e.href)}" target="_blank">${esc(code)}</a></td>` : `<td class="syh">${esc(code)}</td>`;
    return `<tr>${idx}${name}<td class="fbjg">${esc(organ)}</td><td class="scrq">${e.date}</td></tr>`;
  });
  return `<table class="xxgk-table" width="100%" cellspacing="0"><thead><tr><th width="22%">索引号</th><th>名称</th><th width="18%">发布机构</th><th width="12%">生成日期</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

/** select-pager: a `<select>` of every page (its value the page URL) and a 跳转 box reading the same options. */
export function selectPager(portal: Portal, key: string, count: number, index: number, total: number, hrefOf: (k: number) => string): string {
  const go = variant(portal, `sp/${key}`, 2) === 0;
  const opts = Array.from({ length: count }, (_, k) => `<option value="${esc(hrefOf(k))}"${k === index ? ' selected' : ''}>第${k + 1}页</option>`).join('');
  const change = go ? 'goPage(this.value)' : 'location.href=this.value';
  return `<span>共${total}条 第${index + 1}/${count}页</span> <select id="pageSel" onchange="${change}">${opts}</select>
转到<input type="text" id="jumpNo" size="2" value="${index + 1}">页 <input type="button" value="跳转" onclick="jumpTo()">
<script type="text/javascript">${go ? 'function goPage(u) { if (u) window.location.href = u; }\n' : ''}function jumpTo() { var s = document.getElementById('pageSel'), n = parseInt(document.getElementById('jumpNo').value, 10); if (n >= 1 && n <= s.options.length) window.location.href = s.options[n - 1].value; }</script>`;
}
