import { runRuleTests } from '../testing/index.js';
import { citationOutdated } from './citation-outdated.js';
import { cases } from './citation-outdated.cases.js';

runRuleTests(citationOutdated, cases);
