import { runRuleTests } from '../testing/index.js';
import { duplicateItem } from './duplicate-item.js';
import { cases } from './duplicate-item.cases.js';

runRuleTests(duplicateItem, cases);
