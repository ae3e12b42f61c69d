import type { Level } from '../../model/index.js';

/**
 * The generated province's places and departments, as data. Place names are made up from
 * two syllables so that none claims to be a real county; the province itself is called
 * 自治区, as in the 000 and 001 samples.
 */

const HEADS = ['安', '宁', '永', '平', '临', '清', '崇', '昌', '武', '靖', '会', '通', '华', '庆', '合', '泾', '灵', '秦', '甘', '岷'];
const TAILS = ['远', '川', '泉', '山', '阳', '水', '源', '河', '台', '原', '丰', '西', '谷', '石'];

export interface Region {
  name: string;
  level: Level;
}

/** One province, `cities` cities and `countiesPerCity` counties or districts under each. */
export function regions(cities = 14, countiesPerCity = 8): Region[] {
  const out: Region[] = [{ name: '自治区', level: '省级' }];
  const pairs = HEADS.length * TAILS.length;
  let n = 0;
  // A stride coprime to the number of pairs visits every pair once, scattered over both syllables.
  const nextName = () => {
    if (n >= pairs) throw new Error(`地名不够：最多 ${pairs} 个`);
    const k = (n++ * 11) % pairs;
    return HEADS[k % HEADS.length]! + TAILS[Math.floor(k / HEADS.length)]!;
  };
  for (let c = 0; c < cities; c++) {
    out.push({ name: `${nextName()}市`, level: '市级' });
    for (let k = 0; k < countiesPerCity; k++) out.push({ name: `${nextName()}${k % 3 === 2 ? '区' : '县'}`, level: '县级' });
  }
  return out;
}

/** Which sample files' items a kind of department holds. */
export type Pool = 'cipher' | 'secrecy' | 'cyberspace';

export interface DepartmentKind {
  /** Appended to the region's name: 自治区 + 密码管理局. */
  suffix: string;
  pool: Pool;
  /** Offices (承办机构) that kind of department has. */
  offices: readonly string[];
}

/** The department kinds the samples show (000 密码管理局, 001/003 国家保密局, 002 机要局/保密办, 004 网信办). */
export const DEPARTMENT_KINDS: readonly DepartmentKind[] = [
  { suffix: '密码管理局', pool: 'cipher', offices: ['商用密码管理处', '密码应用处', '综合科'] },
  { suffix: '国家保密局', pool: 'secrecy', offices: ['法规督查处', '科学技术处', '检查监管处'] },
  { suffix: '保密办', pool: 'secrecy', offices: ['保密检查科', '综合科'] },
  { suffix: '机要局', pool: 'cipher', offices: ['商用密码管理科', '机要科'] },
  { suffix: '网信办', pool: 'cyberspace', offices: ['网络监管组', '网络安全科'] },
  { suffix: '互联网信息办公室', pool: 'cyberspace', offices: ['网络监管组', '执法科'] },
];

/** The samples each pool's items come from (file name prefixes in data/samples/). */
export const POOL_SAMPLES: Record<Pool, readonly string[]> = {
  cipher: ['000'],
  secrecy: ['001', '003'],
  cyberspace: ['004'],
};
