import { runRuleTests } from '../testing/index.js';
import { citationBroken } from './citation-broken.js';
import { cases } from './citation-broken.cases.js';

runRuleTests(citationBroken, cases);
