/**
 * Hand-written labelled bodies. `expect` is the answer's path in the registry (null: the right answer is to
 * abstain). Tags: seed, plain, shared, shared_ctx, street, department, ocr, typo, renamed, site, url, title.
 */
import type { LabelledCase } from '../../src/divisions/eval.ts';

export type HandCase = Omit<LabelledCase, 'expect'> & { expect: string | null };

const HUA = '河南省/安阳市/滑县';
const JING = '山东省/淄博市/临淄区';
const HONGZE = '江苏省/淮安市/洪泽区';
const MUYE = '河南省/新乡市/牧野区';

export const HAND_CASES: HandCase[] = [
  // The five seed reports (context lines from their texts).
  { body: '闫庄镇人民政府', text: '2022年，闫庄镇按照县委、县政府关于政府信息公开的相关要求', expect: null, kind: '人民政府', tag: 'seed' },
  { body: '新乡市牧野区花园办事处', expect: `${MUYE}/花园街道`, kind: '街道办事处', tag: 'seed' },
  { body: '涑水县其中口乡', expect: '河北省/保定市/涞水县/其中口乡', kind: '人民政府', tag: 'seed' },
  { body: '临淄区敬仲镇人民政府', text: '《临淄区人民政府办公室关于印发2021年临淄区政务公开工作要点的通知》', expect: `${JING}/敬仲镇`, kind: '人民政府', tag: 'seed' },
  { body: '牛屯镇', text: '通过微信公众号“厚重牛屯”及时发布', expect: `${HUA}/牛屯镇`, kind: '人民政府', tag: 'seed' },
  // Plain names, unique or made unique by the chain.
  { body: '敬仲镇人民政府', expect: `${JING}/敬仲镇`, kind: '人民政府', tag: 'plain' },
  { body: '其中口乡人民政府', expect: '河北省/保定市/涞水县/其中口乡', kind: '人民政府', tag: 'plain' },
  { body: '滑县人民政府', expect: HUA, kind: '人民政府', tag: 'plain' },
  { body: '淮安市洪泽区人民政府', expect: HONGZE, kind: '人民政府', tag: 'plain' },
  { body: '涞水县人民政府', expect: '河北省/保定市/涞水县', kind: '人民政府', tag: 'plain' },
  { body: '河南省人民政府', expect: '河南省', kind: '人民政府', tag: 'plain' },
  { body: '新乡市人民政府', expect: '河南省/新乡市', kind: '人民政府', tag: 'plain' },
  { body: '嵩县闫庄镇人民政府', expect: '河南省/洛阳市/嵩县/闫庄镇', kind: '人民政府', tag: 'plain' },
  { body: '原平市闫庄镇', expect: '山西省/忻州市/原平市/闫庄镇', kind: '人民政府', tag: 'plain' },
  { body: '河南省安阳市滑县牛屯镇人民政府', expect: `${HUA}/牛屯镇`, kind: '人民政府', tag: 'plain' },
  { body: '沭阳县扎下镇人民政府', expect: '江苏省/宿迁市/沭阳县/扎下镇', kind: '人民政府', tag: 'plain' },
  { body: '安阳滑县八里营镇', expect: `${HUA}/八里营镇`, kind: '人民政府', tag: 'plain' },
  // Shared names: several places, decided only by context.
  { body: '北京市朝阳区人民政府', expect: '北京市/朝阳区', kind: '人民政府', tag: 'shared_ctx' },
  { body: '长春市朝阳区人民政府', expect: '吉林省/长春市/朝阳区', kind: '人民政府', tag: 'shared_ctx' },
  { body: '上海市普陀区人民政府', expect: '上海市/普陀区', kind: '人民政府', tag: 'shared_ctx' },
  { body: '舟山市普陀区人民政府', expect: '浙江省/舟山市/普陀区', kind: '人民政府', tag: 'shared_ctx' },
  { body: '南京市鼓楼区人民政府', expect: '江苏省/南京市/鼓楼区', kind: '人民政府', tag: 'shared_ctx' },
  { body: '开封市鼓楼区人民政府', expect: '河南省/开封市/鼓楼区', kind: '人民政府', tag: 'shared_ctx' },
  { body: '鼓楼区人民政府', expect: null, kind: '人民政府', tag: 'shared' },
  { body: '鼓楼区人民政府', text: '按照徐州市政务公开工作要点，鼓楼区', expect: '江苏省/徐州市/鼓楼区', kind: '人民政府', tag: 'shared_ctx' },
  { body: '朝阳区人民政府', expect: null, kind: '人民政府', tag: 'shared' },
  { body: '朝阳区人民政府', site: '110000', expect: '北京市/朝阳区', kind: '人民政府', tag: 'site' },
  { body: '普陀区人民政府', site: '330900', expect: '浙江省/舟山市/普陀区', kind: '人民政府', tag: 'site' },
  { body: '城关镇人民政府', expect: null, kind: '人民政府', tag: 'shared' },
  { body: '闫庄镇人民政府', text: '闫庄镇位于洛阳市嵩县东部', expect: '河南省/洛阳市/嵩县/闫庄镇', kind: '人民政府', tag: 'shared_ctx' },
  { body: '闫庄镇人民政府', text: '争创示范县，完善政府信息县级平台', expect: null, kind: '人民政府', tag: 'shared' },
  { body: '闫庄镇人民政府', site: '140981', expect: '山西省/忻州市/原平市/闫庄镇', kind: '人民政府', tag: 'site' },
  { body: '闫庄镇人民政府', text: '按照县委、县政府的要求', expect: null, kind: '人民政府', tag: 'shared' },
  { body: '和平区人民政府', text: '区和县两级政府', expect: null, kind: '人民政府', tag: 'shared' },
  { body: '太平镇', expect: null, kind: '人民政府', tag: 'shared' },
  { body: '新华区人民政府', expect: null, kind: '人民政府', tag: 'shared' },
  { body: '平顶山市新华区人民政府', expect: '河南省/平顶山市/新华区', kind: '人民政府', tag: 'shared_ctx' },
  // Sub-district offices (街道办事处) under their several spellings.
  { body: '牧野区花园街道办事处', expect: `${MUYE}/花园街道`, kind: '街道办事处', tag: 'street' },
  { body: '花园街道办事处', expect: null, kind: '街道办事处', tag: 'street' },
  { body: '花园街道', site: '410711', expect: `${MUYE}/花园街道`, kind: '街道办事处', tag: 'street' },
  { body: '东莞市东城街道办事处', expect: '广东省/东莞市/东城街道', kind: '街道办事处', tag: 'street' },
  { body: '东城街道办事处', expect: null, kind: '街道办事处', tag: 'street' },
  { body: '滑县城关街道办事处', expect: `${HUA}/城关街道`, kind: '街道办事处', tag: 'street' },
  { body: '临淄区闻韶街道办事处', expect: `${JING}/闻韶街道`, kind: '街道办事处', tag: 'street' },
  { body: '洪泽区高良涧办事处', expect: `${HONGZE}/高良涧街道`, kind: '街道办事处', tag: 'street' },
  { body: '沭城街道', expect: '江苏省/宿迁市/沭阳县/沭城街道', kind: '街道办事处', tag: 'street' },
  // Departments: the division of their government.
  { body: '洪泽区卫生健康局', expect: HONGZE, kind: 'department', tag: 'department' },
  { body: '淮安市洪泽区人民政府办公室', expect: HONGZE, kind: 'department', tag: 'department' },
  { body: '滑县自然资源局', expect: HUA, kind: 'department', tag: 'department' },
  { body: '牧野区市场监督管理局', expect: MUYE, kind: 'department', tag: 'department' },
  { body: '新乡市生态环境局', expect: '河南省/新乡市', kind: 'department', tag: 'department' },
  { body: '县卫生健康局', site: '410526', expect: HUA, kind: 'department', tag: 'department' },
  { body: '区财政局', site: '410711000000', expect: MUYE, kind: 'department', tag: 'department' },
  { body: '区财政局', site: '410526', expect: null, kind: 'department', tag: 'department' },
  { body: '卫生健康委员会', expect: null, kind: 'department', tag: 'department' },
  { body: '河南省教育厅', expect: '河南省', kind: 'department', tag: 'department' },
  { body: '临淄区敬仲镇财政所', expect: `${JING}/敬仲镇`, kind: 'department', tag: 'department' },
  { body: '洪泽区经济开发区管理委员会', expect: HONGZE, kind: 'department', tag: 'department' },
  { body: '朝阳区教育委员会', expect: null, kind: 'department', tag: 'department' },
  { body: '北京市朝阳区教育委员会', expect: '北京市/朝阳区', kind: 'department', tag: 'department' },
  { body: '鼓楼区民政局', text: '福州市鼓楼区民政局2022年', expect: '福建省/福州市/鼓楼区', kind: 'department', tag: 'department' },
  { body: '郑州市金水区卫生健康委员会', expect: '河南省/郑州市/金水区', kind: 'department', tag: 'department' },
  { body: '滑县人民政府办公室', expect: HUA, kind: 'department', tag: 'department' },
  // OCR errors (visually similar characters).
  { body: '沐阳县人民政府', expect: null, kind: '人民政府', tag: 'ocr' },
  { body: '沐阳县人民政府', text: '宿迁市政务公开工作要点', expect: '江苏省/宿迁市/沭阳县', kind: '人民政府', tag: 'ocr' },
  { body: '沐阳县人民政府', site: '321322', expect: '江苏省/宿迁市/沭阳县', kind: '人民政府', tag: 'ocr' },
  { body: '临缁区敬仲镇', expect: `${JING}/敬仲镇`, kind: '人民政府', tag: 'ocr' },
  { body: '临淄区敬忡镇人民政府', expect: `${JING}/敬仲镇`, kind: '人民政府', tag: 'ocr' },
  { body: '滑县午屯镇', expect: `${HUA}/牛屯镇`, kind: '人民政府', tag: 'ocr' },
  { body: '蒿县闫庄镇人民政府', expect: '河南省/洛阳市/嵩县/闫庄镇', kind: '人民政府', tag: 'ocr' },
  { body: '涑水县人民政府', expect: null, kind: '人民政府', tag: 'ocr' },
  { body: '涑水县人民政府', text: '保定市人民政府办公室', expect: '河北省/保定市/涞水县', kind: '人民政府', tag: 'ocr' },
  { body: '新乡市牧野区花圆办事处', expect: `${MUYE}/花园街道`, kind: '街道办事处', tag: 'ocr' },
  { body: '嵩县闫压镇', expect: '河南省/洛阳市/嵩县/闫庄镇', kind: '人民政府', tag: 'ocr' },
  { body: '汝阳县人民政府', text: '宿迁市沭阳县', expect: null, kind: '人民政府', tag: 'ocr' },
  // Typing errors (homophones from pinyin input).
  { body: '临淄区敬中镇人民政府', expect: `${JING}/敬仲镇`, kind: '人民政府', tag: 'typo' },
  { body: '洪择区卫生健康局', expect: null, kind: 'department', tag: 'typo' },
  { body: '洪择区卫生健康局', text: '淮安市洪泽区', expect: HONGZE, kind: 'department', tag: 'typo' },
  { body: '滑县牛吞镇', expect: `${HUA}/牛屯镇`, kind: '人民政府', tag: 'typo' },
  { body: '涞水县其中口相', expect: '河北省/保定市/涞水县/其中口乡', kind: '人民政府', tag: 'typo' },
  { body: '涞水县人民政甫', expect: '河北省/保定市/涞水县', kind: '人民政府', tag: 'typo' },
  { body: '涞水县XYZ', expect: null, kind: 'unknown', tag: 'typo' },
  // Re-designated places (乡改镇, 撤县设区).
  { body: '洪泽县人民政府', expect: null, kind: '人民政府', tag: 'renamed' },
  { body: '洪泽县人民政府', text: '淮安市', expect: HONGZE, kind: '人民政府', tag: 'renamed' },
  { body: '滑县牛屯乡人民政府', expect: `${HUA}/牛屯镇`, kind: '人民政府', tag: 'renamed' },
  { body: '涞水县其中口镇', expect: '河北省/保定市/涞水县/其中口乡', kind: '人民政府', tag: 'renamed' },
  // Site context that contradicts the name.
  { body: '牛屯镇', site: '140981', expect: null, kind: '人民政府', tag: 'site' },
  { body: '敬仲镇', site: '37', expect: `${JING}/敬仲镇`, kind: '人民政府', tag: 'site' },
  // Text that names another county: a same-named town merged away since the registry date is possible.
  { body: '牛屯镇', text: '在原平市委、市政府的领导下', expect: null, kind: '人民政府', tag: 'shared' },
  { body: '牛屯镇', text: '在安阳市滑县县委的领导下，学习原平市经验', expect: `${HUA}/牛屯镇`, kind: '人民政府', tag: 'shared_ctx' },
  // The site's host name spelled in pinyin.
  { body: '闫庄镇人民政府', url: 'http://www.songxian.gov.cn/xxgk/2023/1.html', expect: '河南省/洛阳市/嵩县/闫庄镇', kind: '人民政府', tag: 'url' },
  { body: '洪泽县人民政府', url: 'http://www.hongze.gov.cn/', expect: HONGZE, kind: '人民政府', tag: 'url' },
  { body: '鼓楼区人民政府', url: 'https://www.gulou.gov.cn/', expect: null, kind: '人民政府', tag: 'url' },
  { body: '朝阳区人民政府', url: 'http://www.bjchy.gov.cn/', expect: null, kind: '人民政府', tag: 'url' },
  // No body: title or first line.
  { body: null, title: '临淄区敬仲镇人民政府2021年政府信息公开工作年度报告', expect: `${JING}/敬仲镇`, kind: '人民政府', tag: 'title' },
  { body: null, text: '\n滑县人民政府\n2022年政府信息公开工作年度报告\n', expect: HUA, kind: '人民政府', tag: 'title' },
  { body: '  临淄区 敬仲镇人民政府 ', expect: `${JING}/敬仲镇`, kind: '人民政府', tag: 'title' },
  { body: '某某乡人民政府', expect: null, kind: '人民政府', tag: 'plain' },
  { body: null, title: '2022年度滑县人民政府政府信息公开工作年度报告', expect: HUA, kind: '人民政府', tag: 'title' },
  { body: '北京市朝阳区人民政府建外街道办事处', expect: '北京市/朝阳区/建外街道', kind: '街道办事处', tag: 'street' },
  { body: '中共滑县县委', expect: HUA, kind: 'department', tag: 'department' },
  { body: '本报告由滑县人民政府办公室编制', expect: null, kind: 'unknown', tag: 'plain' },
  { body: '长安区人民政府', text: '西安市长安区', expect: '陕西省/西安市/长安区', kind: '人民政府', tag: 'shared_ctx' },
  { body: '长安区人民政府', text: '西安市、石家庄市', expect: null, kind: '人民政府', tag: 'shared' },
  { body: '城关镇人民政府', site: '410526', expect: null, kind: '人民政府', tag: 'site' },
];
