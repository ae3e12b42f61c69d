import type { DutyBasis, DutyBasisList } from '../model/index.js';
import { ARABIC, enumeratorAt } from './enumerators.js';
import { parseProvisionsIn, provisionStarts } from './provisions.js';
import { sameAsTarget } from './same-as.js';
import { residueBetween, trimSpan } from './spans.js';

const REASON_UNKEYED = '未标明对应责任步骤的依据';

/**
 * 责任事项依据: entries keyed to duty steps ("1.", "2-1.", "1－1.", "2.同1。"), one per line or
 * after a full stop ("…。4.同3。5.【…"), a key a line break cut ("2-⏎1.") read whole. Lines
 * without a key continue the entry before them; each body is read with the provisions
 * grammar, with spans into this text. Text before the first key is residue.
 *
 * @example parseDutyBasis('1.【法律】《中华人民共和国行政处罚法》第五十四条 …\n2-1.同1.').entries[1]
 * // { key: '2-1', step: 2, sub: 1, sameAs: 1, provisions: [], … }
 */
export function parseDutyBasis(text: string): DutyBasisList {
  const keys = provisionStarts(text, 0, text.length)
    .map((s) => enumeratorAt(text, s, ARABIC))
    .filter((e) => e !== null);
  const entries: DutyBasis[] = keys.map((k, i) => {
    const { end } = trimSpan(text, k.start, keys[i + 1]?.start ?? text.length);
    const body = trimSpan(text, k.end, Math.max(k.end, end));
    const bodyText = text.slice(body.start, body.end);
    const entry: DutyBasis = {
      // A key broken over two lines ("2-⏎1.") is keyed as written without the break.
      key: k.label.replace(/[.．、]$/, '').replace(/\s+/g, ''),
      step: k.no,
      provisions: [],
      text: bodyText,
      raw: text.slice(k.start, end),
      span: [k.start, end],
    };
    if (k.sub !== undefined) entry.sub = k.sub;
    const target = sameAsTarget(bodyText);
    if (target !== undefined) entry.sameAs = target;
    else if (body.end > body.start) entry.provisions = parseProvisionsIn(text, body.start, body.end).provisions;
    return entry;
  });
  const taken = entries.map((e) => ({ start: e.span[0], end: e.span[1] }));
  return { entries, residue: residueBetween(text, taken, REASON_UNKEYED) };
}
