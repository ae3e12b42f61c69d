import type { ItemSnapshot } from '../cases/index.js';

/** Why a situation was chosen for a late case, strongest first. */
export type SituationMatch = 'deadline' | 'procedure' | 'catch-all';

/**
 * Words by which a 追责情形 speaks of time, of procedure, or of everything else. Data, tried
 * in this order: a late case is first a failure to act in time, then a breach of procedure,
 * then whatever the list's catch-all says.
 */
export const SITUATION_WORDS: Readonly<Record<SituationMatch, readonly string[]>> = {
  deadline: ['法定期限', '规定期限', '期限内', '不及时', '未及时', '逾期', '超期', '超过期限', '拖延', '久拖不决', '推诿'],
  procedure: ['法定程序', '违反程序', '程序'],
  'catch-all': ['除以上', '其他违反', '其他法律责任'],
};

export interface ApplicableSituation {
  readonly label: string;
  readonly text: string;
  readonly pursuer?: string;
  readonly match: SituationMatch;
}

/**
 * The 追责情形 of the case's item that apply to a case gone past its deadline at a step:
 * those about time that speak of this step or of no other step; failing those, those about
 * procedure; failing those, the catch-all. Empty when the item lists none that fit: never
 * a guess.
 *
 * @example applicableSituations(snapshot, '受理') // [{ label: '1.', text: '对符合条件的申请不予受理或不在法定期限内受理的', match: 'deadline', … }]
 */
export function applicableSituations(snapshot: ItemSnapshot, stepName: string | null): ApplicableSituation[] {
  const otherDuties = snapshot.duties.map((d) => d.name).filter((name) => name.length >= 2 && name !== stepName);
  const fits = (text: string) => (stepName && text.includes(stepName)) || !otherDuties.some((name) => text.includes(name));
  for (const match of ['deadline', 'procedure', 'catch-all'] as const) {
    const found = snapshot.situations.filter((s) => SITUATION_WORDS[match].some((word) => s.text.includes(word)) && (match === 'catch-all' || fits(s.text)));
    if (found.length > 0) {
      // Those naming the step itself first.
      const ranked = [...found].sort((a, b) => Number(Boolean(stepName && b.text.includes(stepName))) - Number(Boolean(stepName && a.text.includes(stepName))));
      return ranked.map((s) => ({ label: s.label, text: s.text, ...(s.pursuer ? { pursuer: s.pursuer } : {}), match }));
    }
  }
  return [];
}
