import type { PowerItem, PowerList } from '../../src/model/index.js';
import { item, list } from '../../src/align/testing/factories.js';
import { pick, seeded } from '../../src/store/testing/random.js';

/**
 * Two generated lists of the same kind of department at two levels: the second carries most
 * powers of the first under reworded frames, punctuation and notes, some renamed, some
 * dropped, plus powers of its own, in another order. `truth` says which items are the same.
 */
export interface GeneratedPair {
  left: PowerList;
  right: PowerList;
  /** right index → left index, for items that denote the same power. */
  truth: Map<number, number>;
}

const SUBJECTS = [
  '电子认证服务机构', '商用密码检测机构', '网络运营者', '涉密资质单位', '关键信息基础设施运营者', '互联网新闻信息服务提供者', '机关、单位', '企业事业单位',
  '网络产品和服务提供者', '数据处理者', '个人信息处理者', '电信业务经营者', '出版单位', '广播电视机构', '互联网平台', '应用程序提供者',
  '密码产品销售单位', '保密资格单位', '涉密人员', '检测认证机构', '信息系统集成单位', '数据交易机构', '网络安全服务机构', '测绘单位',
];
const CONDUCTS = [
  '违反{d}管理规定', '未经许可开展{d}活动', '拒不配合{d}监督检查', '泄露{d}信息', '擅自终止{d}服务', '未按要求进行{d}评估', '超越许可范围从事{d}业务',
  '未履行{d}安全保护义务', '伪造、变造{d}证书', '未建立{d}管理制度', '未报送{d}年度报告', '违法使用{d}', '未对{d}进行登记', '未按规定保存{d}记录',
  '隐瞒{d}有关情况', '未及时处置{d}风险', '违规委托他人从事{d}工作', '向境外提供{d}', '阻碍{d}执法', '未落实{d}整改要求',
];
const DOMAINS = [
  '商用密码', '网络安全', '国家秘密载体', '涉密信息系统', '个人信息', '重要数据', '电子政务', '电子签名', '网络数据', '互联网新闻',
  '关键信息基础设施', '密码应用', '安全认证', '保密检查', '信息发布', '数据出境', '网络日志', '实名登记', '应急预案', '安全审查',
];
const ACTIONS: readonly [string, string, string][] = [
  ['处罚', '行政处罚', '行政处罚'],
  ['监督检查', '检查', '行政检查'],
  ['行政强制', '强制措施', '行政强制'],
  ['调查处理', '调查处理', '行政检查'],
  ['保密审查', '审查', '其他行政权力'],
  ['确认', '确定', '行政确认'],
];
const LAWS = Array.from({ length: 40 }, (_, i) => `${DOMAINS[i % DOMAINS.length]}${['管理条例', '法', '管理办法', '实施细则'][i % 4]}`);

interface Power {
  subject: string;
  conduct: string;
  domain: string;
  action: number;
  law: string;
  article: number;
}

function powerItem(p: Power, variant: { frame: boolean; note?: string; punctuation: boolean; rename?: string }): PowerItem {
  const [word, alt, type] = ACTIONS[p.action] as [string, string, string];
  let object = `${p.subject}${p.conduct.replace('{d}', p.domain)}`;
  if (variant.punctuation) object = object.replace(/、/g, '，');
  if (variant.rename) object = object.replace(p.domain, variant.rename);
  const name = variant.frame ? (word === '监督检查' ? `对${object}实施${alt}` : `对${object}的${alt}`) : `对${object}的${word}`;
  const text = `${p.subject}${p.conduct.replace('{d}', p.domain)}的，由主管部门责令改正，给予警告；情节严重的，依法予以${word}。`;
  return item({
    序号: null,
    权力类型: type,
    事项名称: name,
    实施依据: [{ title: `中华人民共和国${p.law}`, articles: [p.article], text, ...(variant.note ? { note: variant.note } : {}) }],
    责任事项: ['立案', '调查', '决定', '送达', '其他'],
  });
}

/**
 * Generates a pair of lists of `size` items each.
 *
 * @example const { left, right, truth } = generatePair(20_000, 1);
 */
export function generatePair(size: number, seed: number): GeneratedPair {
  const rand = seeded(seed);
  const seen = new Set<string>();
  const powers: Power[] = [];
  while (powers.length < Math.round(size * 1.15)) {
    const p: Power = {
      subject: pick(rand, SUBJECTS),
      conduct: pick(rand, CONDUCTS),
      domain: pick(rand, DOMAINS),
      action: Math.floor(rand() * ACTIONS.length),
      law: pick(rand, LAWS),
      article: 1 + Math.floor(rand() * 120),
    };
    const key = `${p.subject}|${p.conduct}|${p.domain}|${p.action}`;
    if (seen.has(key)) continue;
    seen.add(key);
    powers.push(p);
  }
  const leftPowers = powers.slice(0, size);
  const own = powers.slice(size);
  const left = leftPowers.map((p) => powerItem(p, { frame: false, punctuation: false }));
  const rows: { item: PowerItem; origin: number | null }[] = [];
  leftPowers.forEach((p, origin) => {
    const roll = rand();
    if (roll < 0.1) return;
    const variant: { frame: boolean; punctuation: boolean; note?: string; rename?: string } = {
      frame: rand() < 0.5,
      punctuation: rand() < 0.3,
      ...(rand() < 0.3 ? { note: `${2010 + Math.floor(rand() * 15)}年修订` } : {}),
    };
    const domain = pick(rand, DOMAINS);
    // A rename that would turn the power into another one of the left list is skipped.
    if (roll < 0.2 && !seen.has(`${p.subject}|${p.conduct}|${domain}|${p.action}`)) Object.assign(variant, { rename: domain });
    rows.push({ item: powerItem(p, variant), origin });
  });
  for (const p of own) {
    if (rows.length >= size) break;
    rows.push({ item: powerItem(p, { frame: rand() < 0.5, punctuation: false }), origin: null });
  }
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rows[i], rows[j]] = [rows[j] as (typeof rows)[number], rows[i] as (typeof rows)[number]];
  }
  const truth = new Map<number, number>();
  rows.forEach((row, index) => {
    if (row.origin !== null) truth.set(index, row.origin);
  });
  return { left: list(left, '自治区某局'), right: list(rows.map((r) => r.item), '某市某局'), truth };
}
