import { runRuleTests } from '../testing/index.js';
import { dutyChain } from './duty-chain.js';
import { cases } from './duty-chain.cases.js';

runRuleTests(dutyChain, cases);
