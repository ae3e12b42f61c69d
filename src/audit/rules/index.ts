import type { AnyRule } from '../rule.js';
import { abolishedPower } from './abolished-power.js';
import { cellIntegrity } from './cell-integrity.js';
import { citationBroken } from './citation-broken.js';
import { citationOutdated } from './citation-outdated.js';
import { citationWording } from './citation-wording.js';
import { creditCode } from './credit-code.js';
import { duplicateItem } from './duplicate-item.js';
import { dutyBasisTarget } from './duty-basis-target.js';
import { dutyChain } from './duty-chain.js';
import { missingBasis } from './missing-basis.js';
import { powerType } from './power-type.js';
import { requiredFields } from './required-fields.js';

/** Every audit rule, in the order their findings are listed for one place. */
export const RULES = [
  requiredFields,
  powerType,
  creditCode,
  dutyChain,
  dutyBasisTarget,
  missingBasis,
  citationOutdated,
  citationBroken,
  citationWording,
  abolishedPower,
  cellIntegrity,
  duplicateItem,
] as const satisfies readonly AnyRule[];

export type RuleId = (typeof RULES)[number]['id'];

export {
  abolishedPower,
  cellIntegrity,
  citationBroken,
  citationOutdated,
  citationWording,
  creditCode,
  duplicateItem,
  dutyBasisTarget,
  dutyChain,
  missingBasis,
  powerType,
  requiredFields,
};
