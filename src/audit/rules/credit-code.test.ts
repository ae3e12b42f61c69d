import { runRuleTests } from '../testing/index.js';
import { creditCode } from './credit-code.js';
import { cases } from './credit-code.cases.js';

runRuleTests(creditCode, cases);
