import { runRuleTests } from '../testing/index.js';
import { cellIntegrity } from './cell-integrity.js';
import { cases } from './cell-integrity.cases.js';

runRuleTests(cellIntegrity, cases);
