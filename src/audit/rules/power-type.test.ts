import { runRuleTests } from '../testing/index.js';
import { powerType } from './power-type.js';
import { cases } from './power-type.cases.js';

runRuleTests(powerType, cases);
