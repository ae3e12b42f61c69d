import type { ProcessStep } from '../../model/index.js';
import { parseEnumeration } from '../../parse/index.js';
import type { Box } from './boxes.js';
import { type DeadlineHit, documentsIn, findDeadline } from './deadline.js';

/**
 * Short forms a deadline box uses for a step drawn elsewhere: "10个工作日内发证" is the
 * deadline of "发《商用密码产品销售许可证》". Each maps a step name to the short form it answers to.
 */
export const STEP_SHORT_FORMS: readonly { pattern: RegExp; short: (m: RegExpExecArray) => string }[] = [
  // 发《…证》 → 发证, 发《…书》 → 发书: the verb and the last character of the document's title.
  { pattern: /^(发|颁发|送达|出具)《[^》]*([证书])》$/, short: (m) => `${m[1]}${m[2]}` },
];

/** A deadline box is drawn near its step: looking further only costs time and invites false matches. */
const NEARBY = 40;

interface Draft {
  boxes: Box[];
  name: string;
  deadline: DeadlineHit | null;
  /** The box was merged into another step as its deadline. */
  merged: boolean;
}

function stepName(text: string): string {
  return text.replace(/[；;。，,]+$/, '');
}

function shortForms(name: string): string[] {
  return STEP_SHORT_FORMS.flatMap(({ pattern, short }) => {
    const m = pattern.exec(name);
    return m ? [short(m)] : [];
  });
}

/**
 * The step a deadline box belongs to: the only step with no deadline of its own whose name
 * (or short form) the box's action names ("…20个工作日内作出是否批准的决定" → 决定). The
 * longest name wins; a tie is not guessed at.
 */
function targetOf(draft: Draft, drafts: readonly Draft[], at: number): Draft | null {
  if (!draft.deadline) return null;
  const action = draft.boxes[0]?.text.slice(draft.deadline.end).replace(/^[，,、\s]+/, '') ?? '';
  if (!action) return null;
  let best: { target: Draft; length: number } | null = null;
  let tie = false;
  for (const other of drafts.slice(Math.max(0, at - NEARBY), at + NEARBY + 1)) {
    if (other === draft || other.deadline || other.merged || other.boxes.length > 1) continue;
    const names = [other.name, ...shortForms(other.name)].filter((n) => [...n].length >= 2);
    const hit = names.filter((n) => action.includes(n)).sort((a, b) => b.length - a.length)[0];
    if (hit === undefined) continue;
    if (best === null || hit.length > best.length) {
      best = { target: other, length: hit.length };
      tie = false;
    } else if (hit.length === best.length) tie = true;
  }
  return best && !tie ? best.target : null;
}

/**
 * Turns the step boxes of a chart, in layout order, into ProcessSteps: each with the first
 * deadline it states, the documents it names and the numbered procedure it spells out
 * (parseEnumeration). A box that only states the deadline of another step is merged into
 * that step, which then keeps both texts (one per line).
 */
export function buildSteps(boxes: readonly Box[]): ProcessStep[] {
  const drafts: Draft[] = boxes.map((box) => ({ boxes: [box], name: stepName(box.text), deadline: findDeadline(box.text), merged: false }));
  for (const [at, draft] of drafts.entries()) {
    if (draft.boxes.length > 1) continue;
    const target = targetOf(draft, drafts, at);
    if (!target) continue;
    for (const box of draft.boxes) target.boxes.push(box);
    target.deadline = draft.deadline;
    draft.merged = true;
  }
  return drafts
    .filter((d) => !d.merged)
    .map((d) => {
      const text = d.boxes.map((b) => b.text).join('\n');
      const step: ProcessStep = {
        name: d.name,
        documents: documentsIn(text),
        text,
        lines: { firstLine: Math.min(...d.boxes.map((b) => b.firstLine)), lastLine: Math.max(...d.boxes.map((b) => b.lastLine)) },
      };
      if (d.deadline) step.deadline = d.deadline.limit;
      const { parts } = parseEnumeration(text);
      if (parts.length > 0) step.subSteps = parts;
      return step;
    });
}
