import { z } from 'zod';
import { Provision, Residue, TextSpan } from './provision.js';

/** A numbered step of 责任事项: "1.立案责任（商用密码管理处）：…". */
export const Duty = z.object({
  no: z.number().int().positive(),
  /** The duty's name without 责任, e.g. 立案, 调查, 取得批准. */
  name: z.string(),
  /** The heading as written, e.g. "立案责任". */
  heading: z.string(),
  unit: z.string().optional(),
  text: z.string(),
  /** Documents the step names: 《立案审批表》… */
  documents: z.array(z.string()),
  raw: z.string(),
  span: TextSpan,
});
export type Duty = z.infer<typeof Duty>;

export const DutyList = z.object({
  /** Text before the first numbered step, if any. */
  preamble: z.string().optional(),
  duties: z.array(Duty),
  residue: z.array(Residue),
});
export type DutyList = z.infer<typeof DutyList>;

/** One entry of 责任事项依据, keyed to a duty step: "1-1.", "2.", "1－1", "同1". */
export const DutyBasis = z.object({
  key: z.string(),
  step: z.number().int().positive(),
  sub: z.number().int().positive().optional(),
  /** "同N": this step's basis is the same as step N's. */
  sameAs: z.number().int().positive().optional(),
  provisions: z.array(Provision),
  text: z.string(),
  raw: z.string(),
  span: TextSpan,
});
export type DutyBasis = z.infer<typeof DutyBasis>;

export const DutyBasisList = z.object({
  entries: z.array(DutyBasis),
  residue: z.array(Residue),
});
export type DutyBasisList = z.infer<typeof DutyBasisList>;
