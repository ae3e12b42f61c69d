import type { DutyBasis, DutyBasisList } from '../model/index.js';
import { ARABIC, enumeratorAt } from './enumerators.js';
import { parseProvisionsIn, provisionStarts } from './provisions.js';
import { residueBetween, trimSpan } from './spans.js';

const REASON_UNKEYED = '未标明对应责任步骤的依据';

/** "同1。" "同1." "同 4" "同第2项": this step's basis is that of another step. */
const SAME_AS = /^同\s*第?\s*([0-9０-９]{1,3})(?:\s*[-－]\s*[0-9０-９]{1,3})?\s*(?:项|条|步)?\s*[。.．；;]?$/;

function toInt(s: string): number {
  return Number(s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/**
 * 责任事项依据: entries keyed to duty steps ("1.", "2-1.", "1－1.", "2.同1。"). Lines without a
 * key continue the entry before them; each body is read with the provisions grammar, with
 * spans into this text. Text before the first key is residue.
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
      key: k.label.replace(/[.．、]$/, ''),
      step: k.no,
      provisions: [],
      text: bodyText,
      raw: text.slice(k.start, end),
      span: [k.start, end],
    };
    if (k.sub !== undefined) entry.sub = k.sub;
    const same = SAME_AS.exec(bodyText);
    const target = same ? toInt(same[1] ?? '') : 0;
    if (target > 0) entry.sameAs = target;
    else if (body.end > body.start) entry.provisions = parseProvisionsIn(text, body.start, body.end).provisions;
    return entry;
  });
  const taken = entries.map((e) => ({ start: e.span[0], end: e.span[1] }));
  return { entries, residue: residueBetween(text, taken, REASON_UNKEYED) };
}
