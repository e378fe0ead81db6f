/**
 * The narrative of a generated 2008–2018 report, section by section, in the wordings real reports use
 * (spec/pre2019/codes.csv and their kin): totals and 其中 breakdowns, 分别 lists, Chinese numerals, 余/多/约,
 * negations covering one or several indicators, 元 and 万元, 历年累计 sentences, and things that must not be
 * read (service-hall caseloads, hotline calls, tax relief, site visits, other years, changes, percentages).
 */
import type { Rng } from '../prng.ts';
import { roundish, type Say } from './say.ts';
import type { Truth } from './truth.ts';

export interface Ctx {
  say: Say;
  rng: Rng;
  t: Truth;
  year: number;
  self: string;
  site: string;
  /** Codes a table of the report prints (the narrative may repeat them, or not). */
  inTable: Set<string>;
}

const FILL = [
  '进一步健全政府信息公开工作机制，明确专人负责信息的收集、审核和发布。',
  '严格执行保密审查制度，坚持“先审查、后公开”的原则。',
  '将政府信息公开工作纳入年度目标考核，定期开展督查。',
  '不断完善政府信息公开目录和指南，方便公众查询。',
  '围绕群众关心的热点问题，及时公开相关政策和办事程序。',
];

/** One of several phrasings, built only when chosen (building one records its figures). */
function one(rng: Rng, options: (() => string)[]): string {
  return rng.pick(options)();
}

const fill = (c: Ctx, k = 1) => c.rng.sample(FILL, k).join('');
const v = (c: Ctx, code: string) => c.t[code]!;

export function overview(c: Ctx): string[] {
  const { say, rng } = c;
  const parts = [`${c.year}年，${c.self}认真贯彻落实《中华人民共和国政府信息公开条例》，${fill(c)}`];
  if (rng.chance(0.35)) {
    parts.push(one(rng, [
      () => `${c.self}配备专兼职工作人员${say.n('p.staff.total', v(c, 'p.staff.total'), '名')}，确保政府信息公开工作有序开展。`,
      () => `目前${c.self}有专职人员${say.n('p.staff.full_time', v(c, 'p.staff.full_time'), '名')}，兼职人员${say.n('p.staff.part_time', v(c, 'p.staff.part_time'), '名')}。`,
      () => `从事政府信息公开工作人员${say.n('p.staff.total', v(c, 'p.staff.total'), '人')}，其中兼职人员${say.n('p.staff.part_time', v(c, 'p.staff.part_time'), '人')}。`,
    ]));
  }
  if (rng.chance(0.35)) {
    const approx = rng.chance(0.5);
    const people = approx ? roundish(rng, 20, 400) : v(c, 'p.training.participants');
    parts.push(one(rng, [
      () => `全年举办政府信息公开业务培训班${say.n('p.training.sessions', v(c, 'p.training.sessions'), '期')}，培训人员${say.n('p.training.participants', people, '人次', { approx })}。`,
      () => `组织政务公开工作培训${say.n('p.training.sessions', v(c, 'p.training.sessions'), '次')}，参训人员${say.n('p.training.participants', people, '人', { approx })}。`,
      () => `召开政府信息公开工作会议${say.n('p.meetings.count', v(c, 'p.meetings.count'), '次')}，研究部署政务公开工作。`,
    ]));
  }
  if (rng.chance(0.4)) parts.push(lookalike(c));
  // A department's report quoting the whole county's bodies: not its own figure (its section's is).
  if (rng.chance(0.3) && c.self === '本局') parts.push(`全${/市/.test(c.site) ? '市' : '县'}各级行政机关共主动公开政府信息${rng.int(2000, 90000)}条。`);
  const year = rng.chance(0.15) ? [...String(c.year)].map((d) => '〇一二三四五六七八九'[Number(d)]).join('') : String(c.year);
  return [parts.join('').replace(String(c.year), year)];
}

/** Figures that look like indicators and are not (spec rule 8). */
export function lookalike(c: Ctx): string {
  const { rng } = c;
  const n = () => rng.int(120, 90000);
  return rng.pick([
    `${c.site.replace(/人民政府$/, '')}行政服务中心全年受理各类审批服务事项${n()}件，按时办结率100%。`,
    `12345便民服务热线全年受理群众来电${rng.int(2, 40)}万人次，办结率${rng.int(95, 99)}%。`,
    `全年为企业减免各类税费${rng.int(20, 900)}万元。`,
    `政府门户网站全年访问量达${rng.int(10, 300)}万人次。`,
    `全年共办理人大代表建议${rng.int(3, 60)}件、政协委员提案${rng.int(3, 60)}件，办复率100%。`,
    `受理群众来信来访${rng.int(20, 900)}件次，均已妥善处理。`,
    `编印《政府公报》${rng.int(6, 24)}期，发放${rng.int(2, 30) * 1000}册。`,
    `全年共召开政府常务会议${rng.int(8, 40)}次。`,
    `全年受理各类行政许可申请${n()}件。`,
    `接待群众来访${rng.int(20, 900)}人次。`,
  ]);
}

export function proactive(c: Ctx): string[] {
  const { say, rng, year } = c;
  const total = v(c, 'p.proactive.total');
  const site = v(c, 'p.proactive.by_channel.website');
  const out: string[] = [];
  if (rng.chance(0.12)) {
    // Only a channel figure (spec rule 6): the website's, and doubtfully the total's.
    say.weak('p.proactive.total', site);
    out.push(`${year}年，${c.self}通过门户网站主动公开政府信息${say.n('p.proactive.by_channel.website', site, '条')}，${fill(c)}`);
    return out;
  }
  const lead = one(rng, [
      () => `全年共主动公开政府信息${say.n('p.proactive.total', total, '条', { approx: false })}`,
      () => `${year}年，${c.self}共主动公开政府信息${say.n('p.proactive.total', total, '条')}`,
      () => `本年度新增主动公开政府信息${say.n('p.proactive.total', total, '条')}`,
      () => `全年累计主动公开各类政府信息${say.n('p.proactive.total', total, '条')}`,
      () => `${c.self}主动公开信息总数共计${say.n('p.proactive.total', total, '条')}`,
      () => `通过各种渠道主动公开政府信息${say.n('p.proactive.total', total, '条')}`,
      () => `政府信息公开目录新增信息${say.n('p.proactive.total', total, '条')}`,
      () => `主动公开文件、通知、公告等各类政府信息${say.n('p.proactive.total', total, '条')}`,
    ]);
  const subs: string[] = [];
  if (rng.chance(0.55)) subs.push(one(rng, [
      () => `通过政府网站公开${say.n('p.proactive.by_channel.website', site, '条')}`,
      () => `在门户网站发布政府信息${say.n('p.proactive.by_channel.website', site, '条')}`,
      () => `网站公开${say.n('p.proactive.by_channel.website', site, '条')}`,
    ]));
  if (rng.chance(0.25)) subs.push(`通过政府公报公开${say.n('p.proactive.by_channel.gazette', v(c, 'p.proactive.by_channel.gazette'), '条')}`);
  if (rng.chance(0.25)) subs.push(`规范性文件${say.n('p.proactive.normative_docs', v(c, 'p.proactive.normative_docs'), '件')}`);
  if (rng.chance(0.3)) subs.push(`机构职能类信息${rng.int(1, 40)}条`, `政策法规类信息${rng.int(1, 80)}条`);
  if (rng.chance(0.2)) subs.push(`人事信息${rng.int(1, 30)}条`);
  if (rng.chance(0.15)) subs.push(`通过新闻媒体公开${rng.int(1, 50)}条`);
  let text = subs.length ? `${lead}，其中${subs.join('，')}。` : `${lead}。`;
  if (rng.chance(0.25) && c.t['p.proactive.by_channel.weibo'] !== undefined) {
    text += one(rng, [
      () => `开通政务微博，全年发布微博信息${say.n('p.proactive.by_channel.weibo', v(c, 'p.proactive.by_channel.weibo'), '条')}。`,
      () => `通过政务微博发布信息${say.n('p.proactive.by_channel.weibo', v(c, 'p.proactive.by_channel.weibo'), '条')}${c.t['p.proactive.by_channel.weixin'] !== undefined ? `，微信公众号推送信息${say.n('p.proactive.by_channel.weixin', v(c, 'p.proactive.by_channel.weixin'), '条')}` : ''}。`,
    ]);
  }
  if (rng.chance(0.2)) text += rng.pick([`与${year - 1}年相比，增加了${rng.int(5, 300)}条。`, `比上年增长${rng.int(2, 40)}%。`, `${year - 1}年主动公开政府信息${rng.int(10, 3000)}条。`]);
  if (rng.chance(0.2)) text += `自《条例》实施以来，累计主动公开政府信息${say.n('p.cum.proactive.total', v(c, 'p.cum.proactive.total'), '条')}。`;
  out.push(text + fill(c));
  if (rng.chance(0.15)) out.push(`按要求向县档案馆、图书馆报送公开信息${rng.int(20, 400)}条，编印《政府公报》${rng.int(4, 12)}期。`);
  if (rng.chance(0.3)) out.push(`设立政府信息公开查阅点${say.n('p.venues.count', v(c, 'p.venues.count'), '个')}，接受群众咨询${say.n('p.consultations.count', v(c, 'p.consultations.count'), '人次', { approx: rng.chance(0.5) })}。`);
  if (rng.chance(0.3)) {
    out[0] = `（一）${rng.pick(['公开数量', '主动公开情况', '基本情况'])}。${out[0]}`;
    for (let i = 1; i < out.length; i++) out[i] = `（${'二三四五'[i - 1]}）${rng.pick(['公开形式', '公开载体', '平台建设'])}。${out[i]}`;
  }
  if (year >= 2014 && rng.chance(0.35)) {
    out.push(one(rng, [
      () => `召开新闻发布会${say.n('p.response.press_conferences', v(c, 'p.response.press_conferences'), '次')}，发布政策解读${say.n('p.response.interpretations', v(c, 'p.response.interpretations'), '篇')}。`,
      () => `全年回应公众关注热点${say.n('p.response.hotspots', v(c, 'p.response.hotspots'), '次')}，举办政府网站在线访谈${say.n('p.response.online_interviews', v(c, 'p.response.online_interviews'), '期')}。`,
    ]));
  }
  return out;
}

export function requests(c: Ctx): string[] {
  const { say, rng, year } = c;
  const n = v(c, 'p.requests.received');
  if (n === 0) {
    say.zero('p.requests.received');
    const options = [
      `${year}年，${c.self}未收到政府信息公开申请。`,
      `本年度，${c.self}没有接到公民、法人和其他组织提出的政府信息公开申请。`,
      `${year}年度未收到依申请公开政府信息的申请。`,
      `${year}年，${c.self}无依申请公开政府信息事项。`,
      `本年度${c.self}无政府信息公开申请。`,
      `本年度依申请公开政府信息为零。`,
      `全年受理政府信息公开申请0件。`,
    ];
    if (!say.stated.has('p.consultations.count') && rng.chance(0.3)) {
      say.zero('p.consultations.count');
      return ['全年未受理政府信息公开申请，也未收到相关咨询。'];
    }
    return [rng.pick(options)];
  }
  const lead = one(rng, [
      () => `全年共受理政府信息公开申请${say.n('p.requests.received', n, '件')}`,
      () => `${year}年，${c.self}共收到依申请公开信息${say.n('p.requests.received', n, '件')}`,
      () => `本年度受理政府信息依申请公开${say.n('p.requests.received', n, '件')}`,
      () => `共收到${say.n('p.requests.received', n, '份')}政府信息公开申请`,
      () => `${c.self}收到政府信息公开申请${say.n('p.requests.received', n, '件')}`,
      () => `全年共办理依申请公开事项${say.n('p.requests.received', n, '件')}`,
    ]);
  const out: string[] = [];
  const ch = ['in_person', 'online', 'mail', 'fax', 'email'].map((k) => [k, v(c, `p.requests.by_channel.${k}`)] as const);
  const names: Record<string, string> = { in_person: '当面申请', online: '网上申请', mail: '信函申请', fax: '传真申请', email: '电子邮件申请' };
  let text = lead;
  if (rng.chance(0.5)) {
    const shown = ch.filter(([, x]) => x > 0 || rng.chance(0.3));
    // A breakdown that does not add up (the report's own numbers, kept as printed).
    const off = rng.chance(0.1) ? rng.int(1, 3) : 0;
    const printed = shown.map(([k, x], i) => [k, i === 0 ? x + off : x] as const);
    if (printed.length >= 2 && rng.chance(0.25)) {
      text += `，其中${printed.map(([k]) => names[k]).join('、')}分别为${printed.map(([k, x]) => say.n(`p.requests.by_channel.${k}`, x, '件', { words: false })).join('、')}`;
    } else if (printed.length > 0) {
      const pct = rng.chance(0.3) && n > 0;
      const items = printed.map(([k, x]) => `${names[k]}${say.n(`p.requests.by_channel.${k}`, x, '件')}${pct ? `，占${((100 * x) / n).toFixed(1)}%` : ''}`);
      text += rng.chance(0.3) ? `。其中，${items.join('；')}` : `，其中${items.join('，')}`;
    }
  }
  out.push(`${text}。`);
  if (rng.chance(0.7)) {
    const kinds: [string, string][] = [['granted', '同意公开'], ['partial', '同意部分公开'], ['refused', '不予公开'], ['not_this_agency', '不属于本机关公开范围'], ['not_held', '申请信息不存在'], ['already_public', '属于已主动公开范围']];
    const shown = kinds.filter(([k]) => v(c, `p.responses.${k}`) > 0);
    const head = one(rng, [
      () => `已全部按时答复`,
      () => `已答复${say.n('p.responses.total', v(c, 'p.responses.total'), '件')}`,
      () => `办结${say.n('p.requests.closed', v(c, 'p.requests.closed'), '件')}`,
      () => `在已答复的${say.n('p.responses.total', v(c, 'p.responses.total'), '件', { words: false })}申请中`,
    ]);
    const quoted = rng.chance(0.3);
    const item = ([k, w]: [string, string]) => (quoted ? `“${w}”的${say.n(`p.responses.${k}`, v(c, `p.responses.${k}`), '件')}` : `${w}${say.n(`p.responses.${k}`, v(c, `p.responses.${k}`), '件')}`);
    out.push(shown.length ? `${head}${head.endsWith('中') ? '，' : '，其中'}${shown.map(item).join(quoted ? '；' : '，')}。` : `${head.endsWith('中') ? '已全部按时答复' : head}。`);
    const refused = v(c, 'p.responses.refused');
    const reasons: [string, string][] = [['state_secret', '涉及国家秘密的'], ['privacy', '涉及个人隐私的'], ['not_gov_info', '不是《条例》所指政府信息的']];
    const given = reasons.filter(([k]) => v(c, `p.responses.refused_reason.${k}`) > 0);
    if (refused > 0 && given.length > 0 && rng.chance(0.5)) {
      out.push(`在不予公开的${say.n(null, refused, '件', { words: false })}中，${given.map(([k, w]) => `${w}${say.n(`p.responses.refused_reason.${k}`, v(c, `p.responses.refused_reason.${k}`), '件')}`).join('，')}。`);
    }
    if (rng.chance(0.15)) out.push(`通过网站回复网民留言${rng.int(10, 400)}条。`);
    if (rng.chance(0.15)) out.push(`截至${year}年底，累计受理政府信息公开申请${say.n('p.cum.requests.received', v(c, 'p.cum.requests.received'), '件')}。`);
    if (v(c, 'p.responses.refused') === 0 && rng.chance(0.3)) {
      say.zero('p.responses.refused');
      out.push('无不予公开政府信息情况。');
    }
  }
  return out;
}

export function fees(c: Ctx): string[] {
  const { say, rng, year } = c;
  const fee = v(c, 'p.fees.amount');
  if (fee === 0) {
    const pick = rng.int(0, 5);
    if (pick === 0) { say.zero('p.fees.amount', 'p.fees.waived'); return [`${year}年，${c.self}未收取和减免任何政府信息公开费用。`]; }
    say.zero('p.fees.amount');
    return [[
      `${year}年，${c.self}在政府信息公开工作中未收取任何费用。`,
      '本年度没有收费。',
      '依申请提供政府信息，暂不收费。',
      `${c.self}依申请公开的政府信息全部免费为申请人提供。`,
      '无向申请人进行收费的情况。',
    ][pick - 1]!];
  }
  const waived = v(c, 'p.fees.waived');
  return [`全年依申请公开政府信息共收取检索、复制等费用${say.n('p.fees.amount', fee, '元')}${waived > 0 ? `，减免费用${say.n('p.fees.waived', waived, '元')}` : ''}。`];
}

export function reviews(c: Ctx): string[] {
  const { say, rng, year } = c;
  const r = v(c, 'p.review.count');
  const l = v(c, 'p.litigation.count');
  if (r === 0 && l === 0) {
    say.zero('p.review.count', 'p.litigation.count');
    return [rng.pick([
      `${year}年，${c.self}未发生因政府信息公开申请行政复议、提起行政诉讼的情况。`,
      '本年度没有因政府信息公开而被提起的行政复议和行政诉讼。',
      `全年共办理行政复议案件${rng.int(2, 30)}件，其中没有因政府信息公开引起的行政复议和行政诉讼。`,
      '未接到有关政府信息公开的行政复议和行政诉讼案件。',
      '本年度涉及政府信息公开的行政复议、行政诉讼案件均为零。',
    ])];
  }
  if (rng.chance(0.2)) {
    say.record('p.review_litigation.count', r + l);
    return [`全年涉及政府信息公开的行政复议和行政诉讼案件共${say.n(null, r + l, '件')}。`];
  }
  if (rng.chance(0.3) && r > 0) {
    const up = v(c, 'p.review.upheld');
    const co = v(c, 'p.review.corrected');
    const ot = v(c, 'p.review.other');
    const review = `全年因政府信息公开被申请行政复议${say.n('p.review.count', r, '件')}，其中维持${rng.chance(0.5) ? '原具体行政行为' : ''}${say.n('p.review.upheld', up, '件')}${co > 0 ? `，撤销${say.n('p.review.corrected', co, '件')}` : ''}${ot > 0 ? `，其他${say.n('p.review.other', ot, '件')}` : ''}。`;
    if (l === 0) say.zero('p.litigation.count');
    return [`${review}${l > 0 ? `因政府信息公开提起行政诉讼${say.n('p.litigation.count', l, '件')}。` : '没有因政府信息公开引起的行政诉讼。'}`];
  }
  return [`全年因政府信息公开申请行政复议${say.n('p.review.count', r, '件')}，提起行政诉讼${say.n('p.litigation.count', l, '件')}${r > 0 ? '，目前均已审结' : ''}。`];
}

export function problems(c: Ctx): string[] {
  const { rng, year } = c;
  const plan = rng.chance(0.4) ? `${year + 1}年，计划举办政府信息公开业务培训班${rng.int(2, 6)}期，进一步提高工作人员业务水平。` : '';
  return [`一是公开内容的深度和广度还需拓展；二是依申请公开工作还需进一步规范。下一步，将加强培训，完善制度。${plan}`];
}

/** 政策解读与回应关切 (a section of many 2016–2018 reports). */
export function response(c: Ctx): string[] {
  const { say, rng } = c;
  const parts = [
    `全年发布政策解读稿件${say.n('p.response.interpretations', v(c, 'p.response.interpretations'), '篇')}`,
    `回应公众关注热点或重大舆情${say.n('p.response.hotspots', v(c, 'p.response.hotspots'), '次')}`,
    `参加或举办新闻发布会${say.n('p.response.press_conferences', v(c, 'p.response.press_conferences'), '次')}`,
  ];
  if (rng.chance(0.5)) parts.push(`开展政府网站在线访谈${say.n('p.response.online_interviews', v(c, 'p.response.online_interviews'), '次')}`);
  return [`${rng.shuffle(parts).join('，')}。${fill(c)}`];
}
