import { runRuleTests } from '../testing/index.js';
import { requiredFields } from './required-fields.js';
import { cases } from './required-fields.cases.js';

runRuleTests(requiredFields, cases);
