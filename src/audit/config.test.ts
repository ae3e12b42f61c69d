import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, parseRuleFlag, planRules } from './config.js';
import { defineRule } from './rule.js';
import { RULES } from './rules/index.js';

const severities = (plan: ReturnType<typeof planRules>) => Object.fromEntries(plan.map((p) => [p.rule.id, p.severity]));

describe('planRules', () => {
  it('runs every rule at its own severity by default', () => {
    expect(severities(planRules(RULES))).toEqual(Object.fromEntries(RULES.map((r) => [r.id, r.meta.severity])));
  });

  it('takes levels the ESLint way from the file, then from --rule', () => {
    const plan = planRules(RULES, { rules: { 'citation-wording': 'off', 'duty-chain': 2, 'power-type': ['warn'] } }, ['duty-chain:info', 'cell-integrity:0']);
    expect(severities(plan)).toMatchObject({ 'citation-wording': null, 'duty-chain': 'info', 'power-type': 'warning', 'cell-integrity': null, 'credit-code': 'error' });
  });

  it('runs only the rules named bare on the command line', () => {
    const on = Object.entries(severities(planRules(RULES, { rules: {} }, ['power-type', 'credit-code']))).filter(([, s]) => s !== null);
    expect(on.map(([id]) => id).sort()).toEqual(['credit-code', 'power-type']);
  });

  it('rejects unknown rules and bad levels, naming the known ones', () => {
    expect(() => planRules(RULES, { rules: { 'no-such': 'error' } })).toThrow(/no-such.*required-fields/);
    expect(() => planRules(RULES, { rules: {} }, ['no-such:warn'])).toThrow(ConfigError);
    expect(() => parseRuleFlag('power-type:loud')).toThrow(ConfigError);
  });

  it('validates and defaults a rule\'s options', () => {
    const rule = defineRule<{ limit: number }, 'x'>({
      id: 'with-options',
      meta: { type: 'problem', severity: 'error', docs: { description: '测试' }, messages: { x: '测试' }, options: z.object({ limit: z.number().default(3) }) },
      check: () => {},
    });
    expect(planRules([rule])[0]?.options).toEqual({ limit: 3 });
    expect(planRules([rule], { rules: { 'with-options': ['error', { limit: 5 }] } })[0]?.options).toEqual({ limit: 5 });
    expect(() => planRules([rule], { rules: { 'with-options': ['error', { limit: 'many' }] } })).toThrow(/with-options/);
  });
});

describe('parseConfig', () => {
  it('reads rules and dates and leaves other sections alone', () => {
    const config = parseConfig('{ "rules": { "duty-chain": "off" }, "today": "2026-01-01", "server": { "port": 3000 } }');
    expect(config).toMatchObject({ rules: { 'duty-chain': 'off' }, today: '2026-01-01' });
  });

  it('names the file and the field that is wrong', () => {
    expect(() => parseConfig('{ "rules": { "duty-chain": "loud" } }', 'q.json')).toThrow(/q\.json 的 rules\.duty-chain/);
    expect(() => parseConfig('{ rules', 'q.json')).toThrow('q.json 不是有效的 JSON：JSON 语法错误：第 1 行第 3 列附近');
    expect(() => parseConfig('{\n  "rules": {\n    "duty-chain": "off",\n  }\n}', 'q.json')).toThrow('q.json 不是有效的 JSON：JSON 语法错误：第 4 行第 3 列附近');
  });
});
