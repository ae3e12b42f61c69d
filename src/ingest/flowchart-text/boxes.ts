import { type SourceLine, squeeze } from './lines.js';
import { WIDE_GAP } from './lists.js';

/** One text box of a chart: the lines the PDF broke it into, and its text joined again. */
export interface Box {
  lines: SourceLine[];
  text: string;
  firstLine: number;
  lastLine: number;
  /** The box touches a field line above it (no blank line between): same text block as the fields. */
  glued: boolean;
}

/** Arrow labels: never joined to a neighbour, never a step. */
export const BRANCH_LABEL = /^(?:是|否|通过|不通过|批准|不批准|同意|不同意|符合|不符合|合格|不合格|准予|不予|有|无|需要|不需要)$/;

/**
 * Why a box goes on to the next line. Each rule names the layout break it repairs; the
 * tests hold one case per rule (boxes.test.ts).
 */
export const JOIN_RULES: readonly { id: string; joins: (box: string, next: string) => boolean }[] = [
  // 《… or （… still open: "发 《 商用密码产品" / "销售许可证 》".
  { id: 'open-bracket', joins: (box) => opened(box) > 0 },
  // A clause cut after a comma, a preposition or a conjunction: "…必要时 ，" / "可以…".
  {
    id: 'open-end',
    joins: (box) =>
      /(?:[，,、：]|起|在|于|自|从|(?<![方导意])向|(?<![核校比相面应])对|将|(?<![总])和|(?<!参)与|(?<![涉普危])及|或|或者|(?<!合)并|不符合|个|个工|个工作|工作|(?:日|月|年|天|小时)内|(?<![通上汇申预公简呈填举情电])报)$/.test(
        box,
      ),
  },
  // A number waits for its unit: "20" / "个工作", "…日内一" / "次告知…".
  { id: 'number-unit', joins: (box, next) => /[0-9０-９一二两三四五六七八九十]$/.test(box) && /^(?:个|次|项|份|件|名|日|天|月|年|小时|工作日)/.test(next) },
  // A line cannot start with these: the rest of a time limit, a conjunction, closing punctuation.
  { id: 'open-start', joins: (_, next) => /^(?:个|日内|日起|工作日|或者|或|并且|以及|且|[，,、。；;：:）)》])/.test(next) },
  // A word cut before its last characters: "密码管理" / "局", "国家密码" / "管理局".
  { id: 'word-tail', joins: (_, next) => [...next].length === 1 || /^(?:管理)?(?:局|处|科|室|厅|所|站|中心|委员会|办公室)$/.test(next) },
];

/** More lines than this and it is not one box. */
const MAX_BOX_LINES = 12;

function opened(text: string): number {
  let depth = 0;
  for (const ch of text) {
    if ('《（(【'.includes(ch)) depth++;
    else if ('》）)】'.includes(ch) && depth > 0) depth--;
  }
  return depth;
}

/** The rule that joins `next` to the box, or null when `next` starts a new box. */
export function joinRule(box: string, next: SourceLine): string | null {
  if (next.gapBefore >= WIDE_GAP) return null;
  const text = squeeze(next.raw);
  if (BRANCH_LABEL.test(box)) return null;
  if (BRANCH_LABEL.test(text) && opened(box) === 0) return null;
  return JOIN_RULES.find((rule) => rule.joins(box, text))?.id ?? null;
}

/**
 * Groups the lines of one run (lines with no field line between them) into boxes.
 *
 * @example groupBoxes(lines('自受理申请之日起', ' 20 ', '个工作', '日内作出是否批准的决定'), false)[0]?.text
 * // '自受理申请之日起20个工作日内作出是否批准的决定'
 */
export function groupBoxes(run: readonly SourceLine[], glued: boolean): Box[] {
  const boxes: Box[] = [];
  let current: SourceLine[] = [];
  let text = '';
  const flush = () => {
    const first = current[0];
    const last = current.at(-1);
    if (first && last) boxes.push({ lines: current, text, firstLine: first.line, lastLine: last.line, glued: glued && boxes.length === 0 });
    current = [];
    text = '';
  };
  for (const line of run) {
    if (current.length > 0 && (current.length >= MAX_BOX_LINES || joinRule(text, line) === null)) flush();
    current.push(line);
    text = squeeze(current.map((l) => l.raw).join('\n'));
  }
  flush();
  return boxes;
}
