/**
 * ucap 开普云 portals: `.shtml` columns paged by `?page=N` with a `共N页` pager, lists sometimes filled from a
 * JSON API named in the page's script. Read by the generic pager and the scripted family; the fingerprint is
 * the family's own.
 */
import type { CmsFamily } from './types.ts';

export const ucap: CmsFamily = {
  name: 'ucap',
  fingerprint: (page) => /ucap|\.shtml\?page=\d+/i.test(`${page.url} ${page.body.slice(0, 200_000)}`),
};
