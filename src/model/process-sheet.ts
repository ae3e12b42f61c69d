import { z } from 'zod';
import { Residue, TextSpan } from './provision.js';
import { LineSpan } from './source.js';
import { TimeLimit } from './time-limit.js';

export const Phone = z.object({ label: z.string(), number: z.string(), note: z.string().optional() });
export type Phone = z.infer<typeof Phone>;

/** One part of a numbered list written inside a text: "1、保密行政管理部门向…；". */
export const NumberedPart = z.object({
  /** As written: "1、", "2.", "（三）". */
  label: z.string(),
  /** The part without its label. */
  text: z.string(),
  raw: z.string(),
  span: TextSpan,
});
export type NumberedPart = z.infer<typeof NumberedPart>;

/** A step of a flowchart, with the deadline and documents drawn next to it. */
export const ProcessStep = z.object({
  name: z.string(),
  deadline: TimeLimit.optional(),
  documents: z.array(z.string()),
  text: z.string(),
  /**
   * The numbered procedure the step's text spells out ("…程序如下：1、…；2、…；3、…。"), in
   * order, spans into `text`; the text before the first part introduces them. Absent when
   * the text numbers no such list.
   */
  subSteps: z.array(NumberedPart).optional(),
  lines: LineSpan,
});
export type ProcessStep = z.infer<typeof ProcessStep>;

/**
 * A 流程图 document (the 刚察县 sample): one sheet per process, with its
 * category, time limits, contacts, conditions, materials and steps.
 */
export const ProcessSheet = z.object({
  title: z.string(),
  category: z.string().optional(),
  statutoryLimit: TimeLimit.optional(),
  promisedLimit: TimeLimit.optional(),
  optimizedLimit: TimeLimit.optional(),
  address: z.string().optional(),
  office: z.string().optional(),
  phones: z.array(Phone),
  applicant: z.string().optional(),
  conditions: z.array(z.string()),
  materials: z.array(z.string()),
  steps: z.array(ProcessStep),
  lines: LineSpan,
  residue: z.array(Residue),
});
export type ProcessSheet = z.infer<typeof ProcessSheet>;
