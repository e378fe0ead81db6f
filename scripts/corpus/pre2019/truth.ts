/**
 * The true figures of one generated 2008–2018 report: what the body did that year (and 历年累计), drawn by
 * its level. The narrative and the tables each state some of them; the expected file holds what was stated.
 */
import type { Level } from '../types.ts';
import type { Rng } from '../prng.ts';
import { roundish, splitInto } from './say.ts';

export type Truth = Record<string, number>;

const SCALE: Record<Level, number> = { township: 1, street: 1, department: 2, county: 6, district: 6, city: 20 };

export function drawTruth(rng: Rng, level: Level, year: number): Truth {
  const k = SCALE[level];
  const t: Truth = {};
  const total = rng.int(15 * k, 300 * k);
  t['p.proactive.total'] = total;
  t['p.proactive.by_channel.website'] = Math.round(total * (0.4 + 0.55 * rng.next()));
  t['p.proactive.by_channel.gazette'] = rng.int(0, Math.min(total, 20 * k));
  t['p.proactive.by_channel.other'] = rng.int(0, Math.round(total / 5));
  if (year >= 2013) t['p.proactive.by_channel.weibo'] = rng.int(10, 200 * k);
  if (year >= 2014) t['p.proactive.by_channel.weixin'] = rng.int(10, 150 * k);
  t['p.proactive.normative_docs'] = rng.int(0, Math.min(total, 8 * k));
  t['p.normative.issued'] = rng.int(t['p.proactive.normative_docs'], t['p.proactive.normative_docs'] + 5);
  const none = rng.chance(level === 'township' || level === 'street' ? 0.45 : 0.15);
  const received = none ? 0 : rng.int(1, 12 * k);
  t['p.requests.received'] = received;
  const [inPerson, online, mail, fax, email] = splitInto(rng, received, 5);
  Object.assign(t, {
    'p.requests.by_channel.in_person': inPerson, 'p.requests.by_channel.online': online, 'p.requests.by_channel.mail': mail,
    'p.requests.by_channel.fax': fax, 'p.requests.by_channel.email': email, 'p.requests.by_channel.other': 0,
  });
  t['p.requests.closed'] = received;
  t['p.requests.closed_extended'] = received > 3 && rng.chance(0.2) ? rng.int(1, 2) : 0;
  t['p.requests.closed_on_time'] = received - t['p.requests.closed_extended'];
  t['p.responses.total'] = received;
  const [granted, partial, refused, notAgency, notHeld, already] = splitInto(rng, received, 6);
  Object.assign(t, {
    'p.responses.granted': granted, 'p.responses.partial': partial, 'p.responses.refused': refused,
    'p.responses.not_this_agency': notAgency, 'p.responses.not_held': notHeld, 'p.responses.already_public': already,
    'p.responses.supplement': 0, 'p.responses.other_channel': 0, 'p.responses.other': 0,
  });
  const [secret, privacy, notInfo] = splitInto(rng, refused, 3);
  Object.assign(t, {
    'p.responses.refused_reason.state_secret': secret, 'p.responses.refused_reason.privacy': privacy,
    'p.responses.refused_reason.not_gov_info': notInfo, 'p.responses.refused_reason.commercial_secret': 0,
    'p.responses.refused_reason.security_stability': 0, 'p.responses.refused_reason.other_law': 0,
  });
  t['p.fees.amount'] = received > 0 && rng.chance(0.12) ? rng.int(5, 300) : 0;
  t['p.fees.waived'] = t['p.fees.amount'] > 0 && rng.chance(0.3) ? rng.int(1, t['p.fees.amount']) : 0;
  t['p.review.count'] = received > 0 && rng.chance(0.25) ? rng.int(1, 3) : 0;
  t['p.litigation.count'] = t['p.review.count'] > 0 && rng.chance(0.4) ? rng.int(1, 2) : 0;
  for (const g of ['review', 'litigation']) {
    const [u, c, o] = splitInto(rng, t[`p.${g}.count`]!, 3);
    Object.assign(t, { [`p.${g}.upheld`]: u, [`p.${g}.corrected`]: c, [`p.${g}.other`]: o });
  }
  t['p.appeals.count'] = 0;
  t['p.complaints.count'] = rng.chance(0.1) ? rng.int(1, 3) : 0;
  const consult = roundish(rng, 10 * k, 400 * k);
  t['p.consultations.count'] = consult;
  const [cin, cphone, conline] = splitInto(rng, consult, 3);
  Object.assign(t, { 'p.consultations.by_channel.in_person': cin, 'p.consultations.by_channel.phone': cphone, 'p.consultations.by_channel.online': conline });
  const full = rng.int(0, 3);
  const part = rng.int(1, 4 * Math.min(k, 5));
  Object.assign(t, { 'p.staff.full_time': full, 'p.staff.part_time': part, 'p.staff.total': full + part });
  t['p.org.dedicated_units'] = rng.int(1, 3);
  t['p.venues.count'] = rng.int(1, 6 * Math.min(k, 5));
  t['p.funds.special_wan'] = rng.int(1, 30);
  t['p.spending.amount'] = rng.int(2, 60) * 1000;
  t['p.meetings.count'] = rng.int(1, 8);
  t['p.training.sessions'] = rng.int(1, 6);
  t['p.training.participants'] = roundish(rng, 20, 300 * Math.min(k, 6));
  t['p.response.press_conferences'] = rng.int(0, 3 * Math.min(k, 6));
  t['p.response.online_interviews'] = rng.int(0, 12);
  t['p.response.interpretations'] = rng.int(1, 30 * Math.min(k, 4));
  t['p.response.hotspots'] = rng.int(1, 40);
  // 历年累计: at least this year's figure; breakdowns share the total's increase (they add up as the year's do).
  const cum = (code: string) => { t[code.replace(/^p\./, 'p.cum.')] = t[code]! + rng.int(t[code]!, 5 * t[code]! + 20); };
  for (const code of ['p.proactive.total', 'p.requests.received', 'p.responses.total', 'p.review.count', 'p.litigation.count', 'p.appeals.count']) cum(code);
  for (const ch of ['website', 'gazette', 'other', 'weibo', 'weixin']) {
    const code = `p.proactive.by_channel.${ch}`;
    if (t[code] !== undefined) t[code.replace(/^p\./, 'p.cum.')] = t[code]! + rng.int(0, t['p.cum.proactive.total']! - t['p.proactive.total']!);
  }
  const share = (total: string, parts: string[], k: number) => {
    const extra = splitInto(rng, t[`p.cum.${total}`]! - t[`p.${total}`]!, k);
    parts.forEach((p, i) => { t[`p.cum.${p}`] = t[`p.${p}`]! + extra[i]!; });
  };
  share('requests.received', ['in_person', 'online', 'mail', 'fax', 'email'].map((c) => `requests.by_channel.${c}`), 5);
  share('responses.total', ['responses.granted', 'responses.partial', 'responses.refused'], 4);
  return t;
}
