import { runRuleTests } from '../testing/index.js';
import { missingBasis } from './missing-basis.js';
import { cases } from './missing-basis.cases.js';

runRuleTests(missingBasis, cases);
