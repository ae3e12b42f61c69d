import { BRANCH_LABEL, type Box } from './boxes.js';

/** What a box of a chart is; only 'step' boxes become ProcessSteps, the applicant fills its field. */
export type BoxKind = 'applicant' | 'step' | 'branch' | 'condition' | 'lane' | 'caption' | 'note';

/** Verbs that make a box an action; an organ's name alone has none of them. */
const ACTION = /接收|受理|审查|审核|审批|审定|报|送|发|作出|出具|提交|制定|组织|进行|告知|通知|检查|决定|公布|考察|完成|形成|整理|归档|听取|提出|核查|调查|办理|签|颁|收|取|查/;

/**
 * How boxes that are not steps are recognised, first match wins, with the reason kept
 * with them as residue. The order matters: 申请单位 is the applicant before it is anything else.
 */
export const BOX_KINDS: readonly { kind: Exclude<BoxKind, 'step'>; test: (box: Box) => boolean; reason: string }[] = [
  { kind: 'applicant', test: (box) => /^申请(?:单位|人|者)(?:（[^）]*）)?$/.test(box.text), reason: '申请人' },
  { kind: 'branch', test: (box) => BRANCH_LABEL.test(box.text), reason: '流程分支标记，无法确定它连接的步骤' },
  {
    kind: 'caption',
    test: (box) => /^[^，。；：,;:]{2,40}(?:审批程序|程序|流程|流程图|示意图)$/.test(box.text),
    reason: '图中的标题',
  },
  {
    kind: 'lane',
    test: (box) => /^[^，。；：,;:]{1,30}?(?:局|厅|委|办|处|科|室|中心|委员会|办公室|政府|机关|部门)$/.test(box.text) && !ACTION.test(box.text),
    reason: '图中的机关名称（办理层级），无法确定它对应的步骤',
  },
  // "材料不齐备或者不符合规定形式的": the condition written on an arrow, not a step.
  { kind: 'condition', test: (box) => /的$/.test(box.text), reason: '流程分支条件，无法确定它连接的步骤' },
  // The PDF put it in one text block with the field lines above: it is not a box of the chart.
  { kind: 'note', test: (box) => box.glued, reason: '与字段行同在一个文本块中的文字，不是流程图方框，无法归入步骤' },
];

/** The kind of a box and, for boxes that are not steps, why. */
export function classifyBox(box: Box): { kind: BoxKind; reason?: string } {
  const hit = BOX_KINDS.find((k) => k.test(box));
  return hit ? { kind: hit.kind, reason: hit.reason } : { kind: 'step' };
}
