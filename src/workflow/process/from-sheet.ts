import type { ProcessSheet, ProcessStep } from '../../model/index.js';
import { toLimitSpec } from './limits.js';
import { findStepDeadline, toStepDeadline } from './step-deadline.js';
import { type ProcessDefinition, type StepDef, validateDefinition } from './validate.js';

export interface FromSheetOptions {
  /** 0-based place of the sheet in its file. */
  index: number;
  file?: string;
  /** The list's department, used when the sheet names no office. */
  department?: string;
}

/** Said on every definition read from a flowchart's text, because the arrows are not in it. */
export const READING_ORDER_NOTE = '流程图文本中没有保留连线，步骤按原文阅读顺序相连，请对照原图核对分支后编辑';

function deadlineOf(step: ProcessStep, id: string, powerType: string | undefined, named: readonly { id: string; name: string }[]) {
  if (!step.deadline) return { deadline: undefined, note: undefined };
  const found = findStepDeadline(step.deadline.raw);
  if (!found) {
    return {
      deadline: { raw: step.deadline.raw, anchor: { kind: 'step-entered' as const } },
      note: `“${step.deadline.raw}”没有可计算的期限，只作显示`,
    };
  }
  return toStepDeadline({ ...found, raw: step.deadline.raw, limit: { ...found.limit, raw: step.deadline.raw } }, powerType, named, id);
}

/**
 * A flowchart's process: its boxes as steps in reading order, each with the deadline and
 * documents drawn in it; the sheet's 法定/承诺时限 bound the whole case. The flows follow
 * reading order (the text lost the arrows) and the definition says so in its notes.
 *
 * @example deriveFromSheet(list.processSheets[0], { index: 0 }).statutoryLimit
 * // { raw: '45个工作日', amount: 45, unit: 'workday', rule: 'xingzheng-xuke-workdays' }
 */
export function deriveFromSheet(sheet: ProcessSheet, options: FromSheetOptions): ProcessDefinition {
  const powerType = sheet.category?.trim() || undefined;
  const notes: string[] = [READING_ORDER_NOTE];
  const named = sheet.steps.map((step, i) => ({ id: `s${i + 1}`, name: step.name }));
  const steps: StepDef[] = sheet.steps.map((step, i) => {
    const id = `s${i + 1}`;
    const { deadline, note } = deadlineOf(step, id, powerType, named);
    if (note) notes.push(`步骤“${step.name}”：${note}`);
    return { id, name: step.name, text: step.text, documents: [...step.documents], basis: [], ...(deadline ? { deadline } : {}) };
  });
  if (sheet.optimizedLimit) notes.push(`流程图另载优化时限：${sheet.optimizedLimit.raw}`);
  if (sheet.residue.length > 0) notes.push(`流程图中有${sheet.residue.length}处文字未能归入步骤（见导入结果的 residue）`);
  const department = sheet.office ?? options.department;
  const statutory = sheet.statutoryLimit ? toLimitSpec(sheet.statutoryLimit, powerType) : undefined;
  const promised = sheet.promisedLimit ? toLimitSpec(sheet.promisedLimit, powerType) : undefined;
  return validateDefinition({
    schemaVersion: 1,
    name: sheet.title,
    ...(powerType ? { powerType } : {}),
    ...(department ? { department } : {}),
    source: {
      kind: 'flowchart',
      ...(options.file ? { file: options.file } : {}),
      sheet: options.index,
      lines: [sheet.lines.firstLine, sheet.lines.lastLine],
    },
    ...(statutory ? { statutoryLimit: statutory } : {}),
    ...(promised ? { promisedLimit: promised } : {}),
    steps,
    flows: steps.slice(1).map((step, i) => ({ from: (steps[i] as StepDef).id, to: step.id })),
    start: steps[0]?.id ?? 's1',
    notes,
  });
}
