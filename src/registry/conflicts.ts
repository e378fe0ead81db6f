/**
 * Conflicts between rows of one import, decided without guessing:
 * - a division code joined by several rows: when they all carry the same site, the first row keeps it (the
 *   others repeat it); otherwise every one of them is `duplicate_division`;
 * - a site (host less `www.`) claimed by several units: a unit whose ancestor in the list has the same site
 *   is `parent_portal` (珲春 → 延边州's portal); among the other claimants, the one unit whose name the host
 *   spells in pinyin keeps it; when the host spells several names or none, every claimant is `duplicate_url`
 *   and the portal's footer 网站标识码 (the probe) must decide.
 * Mutates the rows' status, reason and id; rows already marked by an earlier check only lose what they claim.
 */
import { createHash } from 'node:crypto';
import type { RegistryRow } from './types.ts';
import { hostSpells, siteKey } from './urls.ts';

export interface Claim {
  row: RegistryRow;
  line: number;
  /** Division codes of the row's ancestors (from the registry), for `parent_portal`. */
  ancestors: string[];
  /** Set for a row that repeats an earlier one (same unit, same site): it claims nothing. */
  repeat?: boolean;
}

function groupBy<T>(items: T[], key: (t: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    if (k === null) continue;
    const l = out.get(k);
    if (l) l.push(t);
    else out.set(k, [t]);
  }
  return out;
}

const hash = (s: string): string => createHash('sha1').update(s).digest('hex');
const keyOf = (r: RegistryRow): string | null => (r.entryUrl ? siteKey(new URL(r.entryUrl).hostname) : null);
const who = (c: Claim): string => `${c.row.path} (line ${c.line})`;

function mark(c: Claim, status: RegistryRow['status'], reason: string): void {
  if (c.row.status !== 'ok') return;
  c.row.status = status;
  c.row.statusReason = reason;
}

export function markDivisionConflicts(claims: Claim[]): void {
  for (const [code, group] of groupBy(claims, (c) => c.row.division)) {
    if (group.length < 2) continue;
    const sameSite = new Set(group.map((c) => keyOf(c.row))).size === 1;
    group.forEach((c, i) => {
      if (sameSite && i === 0) return;
      c.repeat = sameSite;
      c.row.id = `gov-${code}-${hash(`${c.row.path}|${c.row.entryUrl ?? ''}`).slice(0, 6)}`;
      const others = group.filter((o) => o !== c).map(who).join(', ');
      c.row.status = 'duplicate_division';
      c.row.statusReason = sameSite ? `repeats ${who(group[0])}` : `division ${code} is also joined by ${others}`;
    });
  }
}

function isAncestor(a: Claim, c: Claim): boolean {
  if (a.row.division && c.ancestors.includes(a.row.division)) return true;
  return a.row.path !== '' && c.row.path.startsWith(`${a.row.path}/`);
}

export function markUrlConflicts(claims: Claim[]): void {
  for (const [site, group] of groupBy(claims.filter((c) => !c.repeat), (c) => keyOf(c.row))) {
    if (group.length < 2) continue;
    const parentPortal = new Set<Claim>();
    for (const c of group) {
      const a = group.find((o) => o !== c && isAncestor(o, c));
      if (!a) continue;
      parentPortal.add(c);
      mark(c, 'parent_portal', `${site} is the portal of its parent ${who(a)}`);
    }
    const rest = group.filter((c) => !parentPortal.has(c));
    if (rest.length < 2) continue;
    const spelled = rest.filter((c) => c.row.entryUrl && hostSpells(c.row.entryUrl, c.row.name));
    if (spelled.length === 1) {
      for (const c of rest) if (c !== spelled[0]) mark(c, 'duplicate_url', `${site} is ${who(spelled[0])}'s: its host spells that name`);
      continue;
    }
    const names = spelled.length ? 'spells several of their names' : 'spells none of their names';
    for (const c of rest) {
      const others = rest.filter((o) => o !== c).map(who).join(', ');
      mark(c, 'duplicate_url', `${site} is also claimed by ${others}; the host ${names}: the portal's 网站标识码 must decide`);
    }
  }
}
