/**
 * Hanweb 大汉 JCMS: columns `/col/colN/index.html`, articles `/art/YYYY/M/D/art_<col>_<id>.html`; a list's
 * first records sit in an inline `<script type="text/xml"><datastore>` as `<record><![CDATA[…]]>` (cheerio
 * does not parse them as HTML), the rest come from `/module/web/jpage/dataproxy.jsp` (startrecord /
 * endrecord / perpage with the nextgroup parameters), answered with the same XML.
 */
import { anchorsOf } from '../anchors.ts';
import { classifyAnchor } from '../classify.ts';
import type { Collector } from '../collector.ts';
import { datastoreRecords, hanwebProxyRequests } from '../data-proxy.ts';
import type { Page } from '../page.ts';
import type { CmsFamily } from './types.ts';

function readRecords(page: Page, out: Collector, xml: string): number {
  const records = datastoreRecords(xml);
  for (const rec of records) for (const a of anchorsOf(rec, page.url)) classifyAnchor(out, page, a);
  return records.length;
}

export const hanweb: CmsFamily = {
  name: 'hanweb',
  fingerprint: (page) =>
    /\/col\/col\d+\/|\/art\/\d{4}\/\d{1,2}\/\d{1,2}\/art_\d+_\d+\.html|<datastore>|jpage|dataproxy\.jsp|\/module\/(xxgk|web|jslib)\/|hanweb/i.test(`${page.url} ${page.body.slice(0, 200_000)}`),
  discover(page: Page, out: Collector): void {
    if (!/<datastore|dataproxy\.jsp/i.test(page.body)) return;
    readRecords(page, out, page.body);
    if (page.role === 'home' || (page.role === 'hub' && out.reports === 0)) return;
    for (const r of hanwebProxyRequests(page.body, page.url)) out.add({ ...r, kind: 'list', role: 'proxy', depth: page.ctx.depth, reason: 'hanweb_dataproxy' });
  },
  readResponse(page: Page, out: Collector): boolean {
    if (!/<(datastore|recordset|record)\b/i.test(page.body)) return false;
    readRecords(page, out, page.body);
    return true;
  },
  columnRoutes: () => [],
};
