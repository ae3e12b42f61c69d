import type { Accountability, Situation } from '../model/index.js';
import { ALL_STYLES, type EnumeratorHit, type EnumeratorStyle, findEnumerators } from './enumerators.js';
import { residueBetween, trimSpan } from './spans.js';

const REASON_NO_SITUATIONS = '未识别出编号的追责情形';

/**
 * Endings of the bodies that pursue accountability, as seen in the samples (机关纪委, 秘书处)
 * and their kin. A closing parenthesis that names something else is left in the text.
 */
export const PURSUER_SUFFIXES = ['纪委', '纪检组', '监察委', '监察室', '处', '科', '室', '局', '办', '组', '委', '部', '机关', '中心', '厅'];

const TRAILING_PAREN = /[（(]([^（）()\n，,。；;：:]{1,20})[）)]([\s；;。.，,]*)$/;

function pursuerOf(body: string): { pursuer: string; text: string } | null {
  const m = TRAILING_PAREN.exec(body);
  if (!m) return null;
  const name = (m[1] ?? '').trim();
  if (!PURSUER_SUFFIXES.some((s) => name.endsWith(s))) return null;
  return { pursuer: name, text: (body.slice(0, m.index) + (m[2] ?? '')).trim() };
}

/** The style the list numbers its situations in: that of the first label on a line of its own. */
function chooseStyle(hits: readonly EnumeratorHit[]): EnumeratorStyle | null {
  return (hits.find((h) => h.lineStart) ?? hits.find((h) => h.no === 1))?.style ?? null;
}

/**
 * 追责情形: a preamble ("因不履行或不正确履行职责，有下列情形的…："), then numbered
 * situations "（一）" "(一)" "1." "1、" "1．", each possibly ending with the body that
 * pursues it, "…的（机关纪委）；".
 *
 * @example parseAccountability('…：\n1.没有法定的行政处罚依据的（机关纪委）；').situations[0]?.pursuer // '机关纪委'
 */
export function parseAccountability(text: string): Accountability {
  const hits = findEnumerators(text, ALL_STYLES).filter((h) => h.sub === undefined);
  const style = chooseStyle(hits);
  const accepted: EnumeratorHit[] = [];
  for (const h of hits) {
    if (h.style !== style) continue;
    const prev = accepted[accepted.length - 1];
    if (h.lineStart || (prev ? h.no === prev.no + 1 : h.no === 1)) accepted.push(h);
  }
  const situations: Situation[] = accepted.map((h, i) => {
    const { end } = trimSpan(text, h.start, accepted[i + 1]?.start ?? text.length);
    const body = text.slice(h.end, end).trim();
    const p = pursuerOf(body);
    const s: Situation = { label: h.label, text: p ? p.text : body, raw: text.slice(h.start, end), span: [h.start, end] };
    if (p) s.pursuer = p.pursuer;
    return s;
  });
  const out: Accountability = { situations, residue: [] };
  const first = situations[0];
  if (!first) {
    out.residue = residueBetween(text, [], REASON_NO_SITUATIONS);
    return out;
  }
  const preamble = text.slice(0, first.span[0]).trim();
  if (preamble) out.preamble = preamble;
  return out;
}
