import type { Duty, PowerItem } from '../../model/index.js';
import { fallbackLimit, toLimitSpec } from './limits.js';
import { ProcessError } from './errors.js';
import { type ProcessDefinition, type StepDef, validateDefinition } from './validate.js';
import { scanStepDeadline, toStepDeadline } from './step-deadline.js';

/** Duty names that close a list's steps without being a step of the procedure. */
export const NON_STEP_DUTIES: readonly string[] = ['其他'];

export interface FromItemOptions {
  /** The list store's item id. */
  itemRef?: string;
  /** The department the list belongs to; defaults to the item's 实施主体. */
  department?: string;
  file?: string;
}

function stepIds(duties: readonly Duty[]): string[] {
  const used = new Set<string>();
  return duties.map((duty) => {
    let id = `s${duty.no}`;
    for (let k = 2; used.has(id); k++) id = `s${duty.no}-${k}`;
    used.add(id);
    return id;
  });
}

function basisFor(item: PowerItem, no: number): string[] {
  const entries = item.dutyBasis?.entries ?? [];
  return entries
    .filter((entry) => entry.step === no)
    .flatMap((entry) => {
      if (entry.sameAs === undefined) return [entry.text];
      const same = entries.filter((e) => e.step === entry.sameAs && e.sameAs === undefined).map((e) => e.text);
      return [`同第${entry.sameAs}项${same.length > 0 ? `：${same.join('；')}` : ''}`];
    });
}

/**
 * An item's process from its 责任事项: one step per numbered duty, in order, with the
 * documents and deadline its text names and its 责任事项依据; the item's 法定/承诺时限
 * (or its power type's statutory period) bound the whole case.
 *
 * @example deriveFromItem(list.items[0], { itemRef: '12' }).steps.map((s) => s.name)
 * // ['立案', '调查', '审查', '告知', '决定', '送达', '执行', '公示']
 */
export function deriveFromItem(item: PowerItem, options: FromItemOptions = {}): ProcessDefinition {
  const powerType = item.powerType.type ?? (item.powerType.raw.trim() || undefined);
  const notes: string[] = [];
  const all = item.duties?.duties ?? [];
  const duties = all.filter((duty) => {
    if (!NON_STEP_DUTIES.includes(duty.name)) return true;
    notes.push(`责任事项第${duty.no}项“${duty.heading}”不是办理环节，未列为步骤`);
    return false;
  });
  const name = item.subItem?.text ? `${item.name.text}（${item.subItem.text}）` : item.name.text;
  if (duties.length === 0) throw new ProcessError('no-steps', `事项“${name}”的责任事项中没有可作为办理步骤的编号环节`);
  const ids = stepIds(duties);
  const named = duties.map((duty, i) => ({ id: ids[i] as string, name: duty.name }));
  const steps: StepDef[] = duties.map((duty, i) => {
    const id = ids[i] as string;
    const { found, partyPeriods } = scanStepDeadline(duty.text);
    for (const period of partyPeriods) notes.push(`步骤“${duty.name}”：“${period}”是当事人一方的期限，不作为本步骤的办理时限`);
    const step: StepDef = {
      id,
      name: duty.name,
      dutyNo: duty.no,
      ...(duty.unit ? { unit: duty.unit } : {}),
      text: duty.text,
      documents: [...duty.documents],
      basis: basisFor(item, duty.no),
    };
    if (!found) return step;
    const { deadline, note } = toStepDeadline(found, powerType, named, id);
    if (note) notes.push(`步骤“${duty.name}”：${note}`);
    return { ...step, deadline };
  });
  const statutory = item.statutoryLimit ? toLimitSpec(item.statutoryLimit, powerType) : fallbackLimit(powerType);
  if (statutory?.note) notes.push(statutory.note);
  const promised = item.promisedLimit ? toLimitSpec(item.promisedLimit, powerType) : undefined;
  const department = options.department ?? item.subject?.text ?? item.office?.text;
  return validateDefinition({
    schemaVersion: 1,
    name,
    ...(powerType ? { powerType } : {}),
    ...(department ? { department } : {}),
    source: {
      kind: 'duties',
      ...(options.itemRef ? { itemRef: options.itemRef } : {}),
      ...(options.file ? { file: options.file } : {}),
      lines: [item.provenance.firstLine, item.provenance.lastLine],
    },
    ...(statutory ? { statutoryLimit: statutory } : {}),
    ...(promised ? { promisedLimit: promised } : {}),
    steps,
    flows: steps.slice(1).map((step, i) => ({ from: (steps[i] as StepDef).id, to: step.id })),
    start: (steps[0] as StepDef).id,
    notes,
  });
}
