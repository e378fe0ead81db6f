/**
 * List pagers as CMS templates write them: TRS `createPageHTML(count, index, "index", "html")` and its cousins
 * (other names, argument orders, 1-based indexes, record counts instead of page counts), static 首页/下一页/尾页
 * links, and 共N页 texts. Pages are addressed by `hrefOf(i)` (0-based).
 */
import { esc } from './markup.ts';

export type PagerStyle = 'trs' | 'trs-new' | 'countPage' | 'pager-obj' | 'pagebar' | 'static' | 'gong';
export const SCRIPT_COUSINS: PagerStyle[] = ['trs-new', 'countPage', 'pager-obj', 'pagebar'];

export interface PagerInput {
  count: number;
  /** 0-based current page. */
  index: number;
  /** File stem and extension of page 0 (index, html), for script pagers. */
  prefix: string;
  ext: string;
  total: number;
  size: number;
  hrefOf: (i: number) => string;
  /** The 尾页 link points past the end (past-count trap). */
  pastEnd?: number;
}

function staticLinks(p: PagerInput): string {
  const last = p.pastEnd ?? p.count - 1;
  const parts = [`<a href="${esc(p.hrefOf(0))}">首页</a>`];
  if (p.index > 0) parts.push(`<a href="${esc(p.hrefOf(p.index - 1))}">上一页</a>`);
  // On the last page the 下一页 link is left to the endless-pager builder (it adds one when it answers past the end).
  if (p.index + 1 < p.count) parts.push(`<a href="${esc(p.hrefOf(p.index + 1))}">下一页</a>`);
  parts.push(`<a href="${esc(p.hrefOf(last))}">尾页</a>`);
  return parts.join(' ');
}

export function pagerHtml(style: PagerStyle, p: PagerInput): string {
  switch (style) {
    case 'trs': return `<script type="text/javascript">createPageHTML(${p.count}, ${p.index}, "${p.prefix}", "${p.ext}");</script>`;
    case 'trs-new': return `<div id="page_div"></div><script>createPageHTML('page_div', ${p.count}, ${p.index + 1}, '${p.prefix}', '${p.ext}', ${p.total});</script>`;
    case 'countPage': return `<script language="JavaScript">
var currentPage = ${p.index};//所在页从0开始
var prevPage = currentPage-1;//上一页
var nextPage = currentPage+1;//下一页
var countPage = ${p.count};//共多少页
document.write("共"+countPage+"页&nbsp;&nbsp;");
if(currentPage>0){document.write("<a href=\\"${p.prefix}."+"${p.ext}\\">首页</a>&nbsp;");
if(prevPage==0){document.write("<a href=\\"${p.prefix}.${p.ext}\\">上一页</a>&nbsp;");}else{document.write("<a href=\\"${p.prefix}_"+prevPage+".${p.ext}\\">上一页</a>&nbsp;");}}
if(nextPage<countPage){document.write("<a href=\\"${p.prefix}_"+nextPage+".${p.ext}\\">下一页</a>&nbsp;");}
</script>`;
    case 'pager-obj': return `<div id="pager"></div><script>new Pager({ total: ${p.total}, size: ${p.size}, current: ${p.index + 1}, first: '${p.prefix}.${p.ext}', url: '${p.prefix}_{page}.${p.ext}', base: 0 }).render('#pager');</script>`;
    case 'pagebar': return `<div class="pagebar"></div><script>pageBar(${p.total}, ${p.size}, ${p.index}, "${p.prefix}", "${p.ext}");</script>`;
    case 'static': return staticLinks(p);
    case 'gong': return `<span>共${p.total}条记录 共${p.count}页 当前第${p.index + 1}页</span> ${staticLinks(p)}`;
  }
}
