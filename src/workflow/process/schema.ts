import { z } from 'zod';
import { findPeriodRule } from '../periods/index.js';

/** Step ids are short ASCII names so they survive BPMN ids, URLs and CLI arguments. */
export const StepId = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, '步骤编号应以字母开头，只含字母、数字、下划线和连字符');

/** The units computeDeadline counts in. */
export const CountUnit = z.enum(['workday', 'day', 'month']);
export type CountUnit = z.infer<typeof CountUnit>;

/**
 * A time limit as the definition uses it: the text as written, and when it could be read,
 * the amount, unit and period rule that compute it. Without an amount it is shown, never computed.
 */
export const LimitSpec = z.strictObject({
  raw: z.string(),
  amount: z.number().int().positive().optional(),
  unit: CountUnit.optional(),
  /** A period rule id of src/workflow/periods (xingzheng-xuke-workdays …). */
  rule: z.string().min(1).optional(),
  /** Why the limit is what it is when the source did not state it (the rule's default period). */
  note: z.string().optional(),
});
export type LimitSpec = z.infer<typeof LimitSpec>;

/** What starts a step's clock: the case's opening, entering the step, or finishing another step. */
export const Anchor = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('case-opened') }),
  z.strictObject({ kind: z.literal('step-entered') }),
  z.strictObject({ kind: z.literal('step-completed'), step: StepId }),
]);
export type Anchor = z.infer<typeof Anchor>;

export const StepDeadline = LimitSpec.extend({ anchor: Anchor });
export type StepDeadline = z.infer<typeof StepDeadline>;

export const StepDef = z.strictObject({
  id: StepId,
  name: z.string().min(1),
  /** The 责任事项 number this step comes from, so pages can link to the duty. */
  dutyNo: z.number().int().positive().optional(),
  /** 承办 unit named by the duty: （商用密码管理处）. */
  unit: z.string().optional(),
  text: z.string(),
  /** Documents the step names and a case should attach before leaving it. */
  documents: z.array(z.string().min(1)),
  deadline: StepDeadline.optional(),
  /** 责任事项依据 entries for the step, as written. */
  basis: z.array(z.string()).default([]),
});
export type StepDef = z.infer<typeof StepDef>;

export const Flow = z.strictObject({
  from: StepId,
  to: StepId,
  condition: z.string().optional(),
});
export type Flow = z.infer<typeof Flow>;

export const DefinitionSource = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('duties'),
    /** The list store's item id, when the item came from the store. */
    itemRef: z.string().optional(),
    file: z.string().optional(),
    /** First and last source lines of the item. */
    lines: z.tuple([z.number().int().positive(), z.number().int().positive()]).optional(),
  }),
  z.strictObject({
    kind: z.literal('flowchart'),
    file: z.string().optional(),
    /** 0-based place of the sheet in its file. */
    sheet: z.number().int().nonnegative(),
    lines: z.tuple([z.number().int().positive(), z.number().int().positive()]).optional(),
  }),
  z.strictObject({ kind: z.literal('manual'), note: z.string().optional() }),
]);
export type DefinitionSource = z.infer<typeof DefinitionSource>;

const ProcessDefinitionShape = z.strictObject({
  schemaVersion: z.literal(1),
  name: z.string().min(1),
  /** 权力类型 / 项目类别 as written. */
  powerType: z.string().optional(),
  department: z.string().optional(),
  source: DefinitionSource,
  statutoryLimit: LimitSpec.optional(),
  promisedLimit: LimitSpec.optional(),
  steps: z.array(StepDef).min(1),
  flows: z.array(Flow),
  start: StepId,
  /** What a reader should check: flows guessed from reading order, deadlines not computable … */
  notes: z.array(z.string()).default([]),
});

/**
 * A process definition: steps, the flows between them, their deadlines and documents.
 * Derived from an item's 责任事项 or a 流程图, stored, and editable as this JSON.
 * Every reference (flows, start, anchors) must name a step, and every step must be
 * reachable from the start.
 */
export const ProcessDefinition = ProcessDefinitionShape.superRefine((def, ctx) => {
  const ids = new Set<string>();
  def.steps.forEach((step, i) => {
    if (ids.has(step.id)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `步骤编号“${step.id}”重复` });
    ids.add(step.id);
  });
  const known = (id: string) => ids.has(id);
  if (!known(def.start)) ctx.addIssue({ code: 'custom', path: ['start'], message: `起始步骤“${def.start}”不存在` });
  def.flows.forEach((flow, i) => {
    if (!known(flow.from)) ctx.addIssue({ code: 'custom', path: ['flows', i, 'from'], message: `连线的起点“${flow.from}”不是已有步骤` });
    if (!known(flow.to)) ctx.addIssue({ code: 'custom', path: ['flows', i, 'to'], message: `连线的终点“${flow.to}”不是已有步骤` });
    if (flow.from === flow.to) ctx.addIssue({ code: 'custom', path: ['flows', i], message: `步骤“${flow.from}”不能连到自身` });
  });
  def.steps.forEach((step, i) => {
    const anchor = step.deadline?.anchor;
    if (anchor?.kind === 'step-completed' && !known(anchor.step)) {
      ctx.addIssue({ code: 'custom', path: ['steps', i, 'deadline', 'anchor', 'step'], message: `起算步骤“${anchor.step}”不存在` });
    }
  });
  const limits: [LimitSpec | undefined, (string | number)[]][] = [
    [def.statutoryLimit, ['statutoryLimit']],
    [def.promisedLimit, ['promisedLimit']],
    ...def.steps.map((step, i): [LimitSpec | undefined, (string | number)[]] => [step.deadline, ['steps', i, 'deadline']]),
  ];
  for (const [limit, path] of limits) {
    if (!limit?.rule) continue;
    const rule = findPeriodRule(limit.rule);
    if (!rule) ctx.addIssue({ code: 'custom', path: [...path, 'rule'], message: `未知的期限规则“${limit.rule}”` });
    else if (limit.unit && !rule.units.includes(limit.unit)) {
      ctx.addIssue({ code: 'custom', path: [...path, 'unit'], message: `规则“${rule.name}”不适用于单位 ${limit.unit}` });
    }
  }
  if (!known(def.start)) return;
  const reached = reachableFrom(def.start, def.flows);
  def.steps.forEach((step, i) => {
    if (!reached.has(step.id)) ctx.addIssue({ code: 'custom', path: ['steps', i], message: `步骤“${step.name}”（${step.id}）从起始步骤无法到达` });
  });
});
export type ProcessDefinition = z.output<typeof ProcessDefinition>;
export type ProcessDefinitionInput = z.input<typeof ProcessDefinition>;

function reachableFrom(start: string, flows: readonly Flow[]): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const flow of flows) {
      if (flow.from === id && !seen.has(flow.to)) {
        seen.add(flow.to);
        queue.push(flow.to);
      }
    }
  }
  return seen;
}

/** Steps a case may go to next from `stepId`, in flow order. */
export function nextSteps(def: ProcessDefinition, stepId: string): StepDef[] {
  return def.flows.filter((f) => f.from === stepId).flatMap((f) => def.steps.filter((s) => s.id === f.to));
}

export function findStep(def: ProcessDefinition, stepId: string): StepDef | undefined {
  return def.steps.find((s) => s.id === stepId);
}
