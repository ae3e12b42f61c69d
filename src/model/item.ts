import { z } from 'zod';
import { Accountability } from './accountability.js';
import { TextCell } from './cell.js';
import { DutyBasisList, DutyList } from './duty.js';
import { LocalCode } from './local-code.js';
import { PowerType } from './power-type.js';
import { Provision, Residue } from './provision.js';
import { Provenance } from './source.js';
import { TimeLimit } from './time-limit.js';

/** A cell holding provisions (实施依据, 追责依据). */
export const ProvisionCell = TextCell.extend({
  provisions: z.array(Provision),
  residue: z.array(Residue),
});
export type ProvisionCell = z.infer<typeof ProvisionCell>;

export const DutyCell = TextCell.extend(DutyList.shape);
export type DutyCell = z.infer<typeof DutyCell>;

export const DutyBasisCell = TextCell.extend(DutyBasisList.shape);
export type DutyBasisCell = z.infer<typeof DutyBasisCell>;

export const AccountabilityCell = TextCell.extend(Accountability.shape);
export type AccountabilityCell = z.infer<typeof AccountabilityCell>;

/**
 * One power (权力事项) of a list. Every canonical field of DOMAIN.md has a place;
 * columns no mapping knows are kept in `extra` under their header.
 */
export const PowerItem = z.object({
  /** 序号 as written; null when the source row has none. */
  seq: z.string().nullable(),
  /** The number a reader infers for an unnumbered row from its neighbours. */
  impliedSeq: z.number().int().positive().optional(),
  powerType: PowerType,
  name: TextCell,
  subItem: TextCell.optional(),
  subject: TextCell.optional(),
  office: TextCell.optional(),
  basis: ProvisionCell.optional(),
  duties: DutyCell.optional(),
  dutyBasis: DutyBasisCell.optional(),
  accountability: AccountabilityCell.optional(),
  accountabilityBasis: ProvisionCell.optional(),
  exemption: TextCell.optional(),
  remark: TextCell.optional(),
  localCode: LocalCode.optional(),
  subLocalCode: LocalCode.optional(),
  serviceLevel: TextCell.optional(),
  statutoryLimit: TimeLimit.optional(),
  promisedLimit: TimeLimit.optional(),
  /** Unknown columns, by their header text. */
  extra: z.record(z.string(), TextCell).default({}),
  provenance: Provenance,
});
export type PowerItem = z.infer<typeof PowerItem>;
