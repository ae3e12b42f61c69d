import { CITATIONS, type Citation } from './citations.js';
import type { PeriodRule, PeriodUnit } from './rules.js';

/**
 * suspend: the days of the pause are not counted, the clock resumes after it
 * (行政许可法第四十五条: 听证 … 所需时间不计算在本节规定的期限内).
 * restart: the period is counted afresh from the pause's end (补正: the decision period
 * runs from 受理, which follows the complete 补正 materials, 第三十二条、第四十二条).
 */
export type PauseEffect = 'suspend' | 'restart';

export interface PauseKind {
  readonly id: string;
  readonly name: string;
  readonly effect: PauseEffect;
  readonly basis: readonly Citation[];
  /** Rule family the basis is written for; used elsewhere it is applied with a warning. */
  readonly family?: PeriodRule['family'];
  /** The notice that starts the pause must be given within this period of `from`, or it is void. */
  readonly noticeWithin?: {
    readonly amount: number;
    readonly unit: PeriodUnit;
    readonly consequence: string;
    readonly basis: readonly Citation[];
  };
}

const SECTION_45 = ['听证', '招标', '拍卖', '检验', '检测', '检疫', '鉴定', '专家评审'] as const;

export const PAUSE_KINDS: readonly PauseKind[] = [
  {
    id: '补正',
    name: '补正申请材料',
    effect: 'restart',
    basis: [CITATIONS.xuke32item5, CITATIONS.xuke42],
    family: 'xingzheng-xuke',
    noticeWithin: {
      amount: 5,
      unit: 'workday',
      consequence: '逾期不告知的，自收到申请材料之日起即为受理',
      basis: [CITATIONS.xuke32item4, CITATIONS.xuke82],
    },
  },
  ...SECTION_45.map(
    (id): PauseKind => ({ id, name: id, effect: 'suspend', basis: [CITATIONS.xuke45], family: 'xingzheng-xuke' }),
  ),
  // For pauses another provision provides; the caller names it in the pause's note.
  { id: '中止', name: '期限中止', effect: 'suspend', basis: [] },
  { id: '重新计算', name: '期限重新计算', effect: 'restart', basis: [] },
];

export const DEFAULT_PAUSE_KIND = '中止';

const BY_ID: ReadonlyMap<string, PauseKind> = new Map(PAUSE_KINDS.map((kind) => [kind.id, kind]));

export function findPauseKind(id: string): PauseKind | undefined {
  return BY_ID.get(id);
}
