import { type Finding, type Place, type Severity, makeFinding } from '../../model/index.js';

/** Chinese wording of what the flowchart reader reports, keyed by message id. */
const MESSAGES = {
  'unplaced-box': '流程图“{sheet}”中的“{text}”未能归入步骤（{reason}），已原样保留',
  'field-repeated': '流程图“{sheet}”第{line}行再次写了{label}，与第{first}行相同，已原样保留',
  'field-conflict': '流程图“{sheet}”的{label}前后不一致：第{first}行为“{before}”，第{line}行为“{after}”；采用前者，后者已原样保留',
  'no-steps': '流程图“{sheet}”中没有找到任何步骤',
  'stray-line': '流程图之外的文字，已原样保留',
} as const;

export type FlowchartMessageId = keyof typeof MESSAGES;

const SEVERITY: Readonly<Record<FlowchartMessageId, Severity>> = {
  'unplaced-box': 'info',
  'field-repeated': 'info',
  'field-conflict': 'warning',
  'no-steps': 'warning',
  'stray-line': 'info',
};

export function flowchartFinding(messageId: FlowchartMessageId, place: Place, data: Record<string, string | number> = {}): Finding {
  return makeFinding(`ingest/flowchart-${messageId}`, MESSAGES, messageId, SEVERITY[messageId], place, data);
}

/** Long box texts are cut in messages; the residue keeps them whole. */
export function excerpt(text: string, max = 30): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}
