/** Invented but realistic bodies (镇/乡/街道/县/区/部门/市), titles in the usual variants and dates. */
import type { Rng } from './prng.ts';
import type { Level } from './types.ts';

const PLACE = ['清河', '安平', '兴隆', '永丰', '长宁', '东阳', '南川', '西林', '北湖', '青山', '龙泉', '白水', '双溪', '金川',
  '玉田', '凤台', '桃源', '临江', '富源', '宁安', '柳林', '石桥', '红旗', '太平', '高坪', '马坊', '黄庄', '李集', '沙河', '杨柳'];
const DEPARTMENTS = ['卫生健康局', '教育局', '自然资源和规划局', '市场监督管理局', '住房和城乡建设局', '交通运输局', '生态环境局',
  '人力资源和社会保障局', '民政局', '财政局', '农业农村局', '水利局', '应急管理局', '司法局', '文化和旅游局'];

export interface Body {
  level: Level;
  /** The name as the title prints it (what the parser should report as body). */
  name: string;
  /** Short name used inside the text (我镇, 本局 …). */
  self: string;
  /** The site / organisation that publishes the page (footer, breadcrumb). */
  site: string;
}

function place(rng: Rng, avoid: string[] = []): string {
  for (;;) {
    const p = rng.pick(PLACE);
    if (!avoid.includes(p)) return p;
  }
}

export function makeBody(rng: Rng, level: Level): Body {
  const city = place(rng);
  const county = place(rng, [city]);
  const town = place(rng, [city, county]);
  switch (level) {
    case 'township': {
      const kind = rng.chance(0.75) ? '镇' : '乡';
      const name = rng.weighted([[`${town}${kind}人民政府`, 4], [`${county}县${town}${kind}人民政府`, 2], [`${town}${kind}`, 2], [`${county}县${town}${kind}`, 1]] as const);
      return { level, name, self: `我${kind}`, site: `${county}县人民政府` };
    }
    case 'street': {
      const name = rng.weighted([[`${town}街道办事处`, 3], [`${city}市${county}区${town}街道办事处`, 2], [`${town}街道`, 1]] as const);
      return { level, name, self: '我街道', site: `${city}市${county}区人民政府` };
    }
    case 'county': {
      const name = rng.chance(0.7) ? `${county}县人民政府` : `${city}市${county}县人民政府`;
      return { level, name, self: '我县', site: `${county}县人民政府` };
    }
    case 'district': {
      const name = rng.chance(0.7) ? `${city}市${county}区人民政府` : `${county}区人民政府`;
      return { level, name, self: '我区', site: `${city}市${county}区人民政府` };
    }
    case 'department': {
      const dept = rng.pick(DEPARTMENTS);
      const name = rng.chance(0.6) ? `${county}县${dept}` : `${city}市${dept}`;
      return { level, name, self: '本局', site: name.startsWith(county) ? `${county}县人民政府` : `${city}市人民政府` };
    }
    case 'city':
      return { level, name: `${city}市人民政府`, self: '我市', site: `${city}市人民政府` };
  }
}

/** Title lines (one, or two with the body on the first). */
export function makeTitle(rng: Rng, body: string, year: number): string[] {
  const kind = rng.weighted([['plain', 6], ['niandu', 2], ['short', 2], ['year_first', 1], ['guanyu', 1], ['split', 3], ['spaced', 1]] as const);
  switch (kind) {
    case 'plain': return [`${body}${year}年政府信息公开工作年度报告`];
    case 'niandu': return [`${body}${year}年度政府信息公开工作年度报告`];
    case 'short': return [`${body}${year}年政府信息公开工作报告`];
    case 'year_first': return [`${year}年${body}政府信息公开工作年度报告`];
    case 'guanyu': return [`${body}关于${year}年度政府信息公开工作的报告`];
    case 'split': return [body, `${year}年政府信息公开工作年度报告`];
    case 'spaced': return [`${body} ${year} 年政府信息公开工作年度报告`];
  }
}

export function publicationDate(rng: Rng, year: number): { text: string; iso: string } {
  const m = rng.weighted([[1, 6], [2, 3], [3, 1]] as const);
  const d = rng.int(5, 28);
  return { text: `${year + 1}年${m}月${d}日`, iso: `${year + 1}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

export function levelFor(rng: Rng): Level {
  return rng.weighted([['township', 8], ['street', 3], ['department', 4], ['county', 3], ['district', 2], ['city', 2]] as const);
}
