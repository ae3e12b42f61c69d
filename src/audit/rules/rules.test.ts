import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Severity } from '../../model/index.js';
import type { RuleCases } from '../testing/index.js';
import { RULES } from './index.js';

/** The meta-test: every rule is complete (file, docs, messages, tests), as ESLint checks its own rules. */

const DIR = fileURLToPath(new URL('./', import.meta.url));
const CJK = /[\u4e00-\u9fff]/;

describe('the rule index', () => {
  it('lists every file that defines a rule, and nothing else', () => {
    const defining = readdirSync(DIR)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.cases.ts') && f !== 'index.ts')
      .filter((f) => readFileSync(DIR + f, 'utf8').includes('defineRule<'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(RULES.map((r) => r.id).sort()).toEqual(defining);
  });

  it('has unique kebab-case ids', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      it('has a test file and a case table beside it', () => {
        expect(existsSync(`${DIR}${rule.id}.test.ts`)).toBe(true);
        expect(existsSync(`${DIR}${rule.id}.cases.ts`)).toBe(true);
      });

      it('describes itself and words its messages in Chinese', () => {
        expect(Severity.options).toContain(rule.meta.severity);
        expect(['problem', 'suggestion']).toContain(rule.meta.type);
        expect(rule.meta.docs.description).toMatch(CJK);
        const messages = Object.entries(rule.meta.messages as Record<string, string>);
        expect(messages.length).toBeGreaterThan(0);
        for (const [id, text] of messages) {
          expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
          expect(text).toMatch(CJK);
        }
      });

      it('has valid and invalid cases, and an invalid case for every message', async () => {
        const { cases } = (await import(`${DIR}${rule.id}.cases.ts`)) as { cases: RuleCases };
        expect(cases.valid.length).toBeGreaterThan(0);
        expect(cases.invalid.length).toBeGreaterThan(0);
        const covered = new Set(cases.invalid.flatMap((c) => c.errors.map((e) => e.messageId)));
        expect([...covered].sort()).toEqual(Object.keys(rule.meta.messages).sort());
      });
    });
  }
});
