import { runRuleTests } from '../testing/index.js';
import { citationWording } from './citation-wording.js';
import { cases } from './citation-wording.cases.js';

runRuleTests(citationWording, cases);
