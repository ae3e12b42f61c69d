import { runRuleTests } from '../testing/index.js';
import { dutyBasisTarget } from './duty-basis-target.js';
import { cases } from './duty-basis-target.cases.js';

runRuleTests(dutyBasisTarget, cases);
