/**
 * Site-slug `.shtml` portals (Heilongjiang, Xinjiang, Jiangxi, Tibet): articles
 * `/<siteslug>/c1NNNNN/YYYYMM/<id>.shtml`, each column a `*_list.shtml` page, its other pages
 * `*_list_2.shtml` … (numbered links, read by the generic pager). Only the fingerprint is the family's own.
 */
import type { CmsFamily } from './types.ts';

export const slug: CmsFamily = {
  name: 'slug',
  fingerprint: (page) => /\/c1\d{5}\/|_list(_\d+)?\.shtml/.test(`${page.url} ${page.body.slice(0, 200_000)}`),
};
