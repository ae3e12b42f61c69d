export { libraryWith, TEST_FACT } from './registry.js';
export { type Cells, DEFAULT_CELLS, DEFAULT_HEADERS, item, list } from './factories.js';
export { type ExpectedReport, type InvalidCase, type RuleCases, runRule, runRuleTests, TEST_TODAY, testLibrary, type ValidCase } from './rule-tester.js';
