import { runRuleTests } from '../testing/index.js';
import { abolishedPower } from './abolished-power.js';
import { cases } from './abolished-power.cases.js';

runRuleTests(abolishedPower, cases);
