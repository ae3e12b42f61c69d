import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../ingest/index.js';
import type { PowerList } from '../../model/index.js';
import { isProcessError } from './errors.js';
import { definitionsOfList } from './from-list.js';
import { NON_STEP_DUTIES } from './from-duties.js';
import { deriveFromSheet, READING_ORDER_NOTE } from './from-sheet.js';
import type { ProcessDefinition } from './schema.js';
import { checkDefinition, validateDefinition } from './validate.js';

const SAMPLES = ['000_02bf2a8e6665d46e.txt', '001_7632346c82027c4f.txt', '002_0a622c9ed900c315.txt', '003_1a02e0d312fedcb4.txt', '004_a6a5239ed012e120.txt'];
const path = (file: string) => fileURLToPath(new URL(`../../../data/samples/${file}`, import.meta.url));

const lists = new Map<string, PowerList>();
beforeAll(async () => {
  for (const file of SAMPLES) lists.set(file, await importFile(path(file)));
});
const list = (n: number) => lists.get(SAMPLES[n] as string) as PowerList;

describe('definitions from every sample', () => {
  it('one per item with numbered duties and one per flowchart, each valid JSON that round-trips', () => {
    for (const file of SAMPLES) {
      const l = lists.get(file) as PowerList;
      const derived = definitionsOfList(l);
      expect(derived).toHaveLength(l.items.length + l.processSheets.length);
      for (const d of derived) {
        expect(d.ok, `${file} ${d.origin}`).toBe(true);
        if (!d.ok) continue;
        expect(validateDefinition(JSON.parse(JSON.stringify(d.definition)))).toEqual(d.definition);
      }
    }
  });

  it('keeps every duty step, its documents and unit, in order; the catch-all duty is named in the notes', () => {
    for (const file of SAMPLES) {
      const l = lists.get(file) as PowerList;
      definitionsOfList(l).forEach((d, i) => {
        const item = l.items[i];
        if (!item || !d.ok) return;
        const duties = item.duties?.duties ?? [];
        const steps = duties.filter((duty) => !NON_STEP_DUTIES.includes(duty.name));
        expect(d.definition.steps.map((s) => [s.dutyNo, s.name, s.unit, s.documents])).toEqual(steps.map((duty) => [duty.no, duty.name, duty.unit, duty.documents]));
        for (const duty of duties.filter((x) => NON_STEP_DUTIES.includes(x.name))) {
          expect(d.definition.notes.some((n) => n.includes(`第${duty.no}项`))).toBe(true);
        }
        expect(d.definition.flows).toHaveLength(d.definition.steps.length - 1);
      });
    }
  });

  it('bounds a 行政处罚 item by 行政处罚法第六十条 and a 行政许可 item by 行政许可法第四十二条 when the list states no limit', () => {
    const [chufa] = definitionsOfList(list(0));
    const [xuke] = definitionsOfList(list(1));
    expect(chufa?.ok && chufa.definition.statutoryLimit).toMatchObject({ amount: 90, unit: 'day', rule: 'xingzheng-chufa-60' });
    expect(xuke?.ok && xuke.definition.statutoryLimit).toMatchObject({ amount: 20, unit: 'workday', rule: 'xingzheng-xuke-42' });
    expect(chufa?.ok && chufa.definition.notes.join()).toContain('第六十条');
  });

  it('reads the 送达 step of a 000 item: "在7日内", counted under 行政处罚法第八十五条', () => {
    const [first] = definitionsOfList(list(0));
    const step = first?.ok ? first.definition.steps.find((s) => s.name === '送达') : undefined;
    expect(step?.deadline).toEqual({ raw: '在7日内', amount: 7, unit: 'day', rule: 'xingzheng-chufa-85', anchor: { kind: 'step-entered' } });
  });

  it('gives the 004 执行 step no deadline of its own: the three working days there are the party’s', () => {
    const [first] = definitionsOfList(list(4));
    const step = first?.ok ? first.definition.steps.find((s) => s.name === '执行') : undefined;
    expect(step?.deadline).toBeUndefined();
    expect(first?.ok && first.definition.notes.some((n) => n.includes('当事人在接到告知书之日起三个工作日内'))).toBe(true);
  });
});

describe('the 002 flowcharts', () => {
  it('商用密码产品销售许可: limits, steps anchored at 受理, documents', () => {
    const def = deriveFromSheet(list(2).processSheets[0] as never, { index: 0 });
    expect(def).toMatchObject({
      name: '商用密码产品销售许可审批流程图（初审）',
      powerType: '行政许可',
      department: '刚察县密码管理局',
      statutoryLimit: { raw: '45个工作日', amount: 45, unit: 'workday', rule: 'xingzheng-xuke-workdays' },
      promisedLimit: { raw: '30个工作日', amount: 30, unit: 'workday' },
      source: { kind: 'flowchart', sheet: 0 },
    });
    const byName = (name: string) => def.steps.find((s) => s.name === name);
    const accepted = byName('受理')?.id;
    expect(byName('初审')?.deadline).toMatchObject({ amount: 5, unit: 'workday', anchor: { kind: 'step-completed', step: accepted } });
    expect(byName('决定')?.deadline).toMatchObject({ amount: 20, unit: 'workday', anchor: { kind: 'step-completed', step: accepted } });
    expect(def.steps.flatMap((s) => s.documents)).toEqual(['商用密码产品销售许可证', '不予行政许可决定书', '行政许可申请不予受理通知书', '行政许可申请受理通知书']);
    expect(def.notes).toContain(READING_ORDER_NOTE);
    expect(def.notes).toContain('流程图另载优化时限：15个工作日');
  });

  it('保密检查: every box a step; a range and events outside the chart are said, not guessed', () => {
    const sheet = list(2).processSheets[1];
    const def = deriveFromSheet(sheet as never, { index: 1 });
    expect(def.steps).toHaveLength(sheet?.steps.length ?? -1);
    expect(def.statutoryLimit).toMatchObject({ amount: 20, unit: 'workday', rule: 'civil-procedure-period' });
    const notice = def.steps.find((s) => s.name.startsWith('一般情况'));
    expect(notice?.deadline).toEqual({ raw: '提前1-2个工作日', anchor: { kind: 'step-entered' } });
    expect(def.notes.filter((n) => n.includes('不是流程中的步骤'))).toHaveLength(5);
  });
});

const minimal = (): ProcessDefinition =>
  validateDefinition({
    schemaVersion: 1,
    name: '测试流程',
    source: { kind: 'manual' },
    steps: [
      { id: 'a', name: '受理', text: '', documents: [] },
      { id: 'b', name: '决定', text: '', documents: ['决定书'], deadline: { raw: '20个工作日', amount: 20, unit: 'workday', anchor: { kind: 'step-completed', step: 'a' } } },
    ],
    flows: [{ from: 'a', to: 'b' }],
    start: 'a',
  });

describe('validation of edited definitions', () => {
  const edits: readonly [string, (def: ProcessDefinition) => unknown, string][] = [
    ['duplicate step id', (d) => ({ ...d, steps: [d.steps[0], { ...d.steps[1], id: 'a' }] }), '重复'],
    ['flow to no step', (d) => ({ ...d, flows: [{ from: 'a', to: 'zz' }] }), 'zz'],
    ['start not a step', (d) => ({ ...d, start: 'zz' }), '起始步骤'],
    ['unreachable step', (d) => ({ ...d, flows: [] }), '无法到达'],
    ['anchor to no step', (d) => ({ ...d, steps: [d.steps[0], { ...d.steps[1], deadline: { raw: 'x', anchor: { kind: 'step-completed', step: 'q' } } }] }), '起算步骤'],
    ['unknown rule', (d) => ({ ...d, statutoryLimit: { raw: '1日', amount: 1, unit: 'day', rule: 'no-such-rule' } }), 'no-such-rule'],
    ['unit the rule does not take', (d) => ({ ...d, statutoryLimit: { raw: '1月', amount: 1, unit: 'month', rule: 'xingzheng-xuke-workdays' } }), '不适用'],
    ['bad step id', (d) => ({ ...d, steps: [{ ...d.steps[0], id: '步骤一' }, d.steps[1]] }), '字母开头'],
    ['unknown field', (d) => ({ ...d, extra: 1 }), 'extra'],
    ['self loop', (d) => ({ ...d, flows: [...d.flows, { from: 'b', to: 'b' }] }), '自身'],
  ];
  it.each(edits)('rejects %s, naming it in Chinese', (_, edit, words) => {
    const result = checkDefinition(edit(minimal()));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.join('\n')).toContain(words);
    try {
      validateDefinition(edit(minimal()));
      expect.unreachable();
    } catch (error) {
      expect(isProcessError(error) && error.code).toBe('invalid-definition');
    }
  });

  it('accepts any linear chain of named steps (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 20 }), (names) => {
        const steps = names.map((name, i) => ({ id: `s${i + 1}`, name, text: name, documents: [] }));
        const def = { schemaVersion: 1, name: 'p', source: { kind: 'manual' }, steps, flows: steps.slice(1).map((s, i) => ({ from: `s${i + 1}`, to: s.id })), start: 's1' };
        return checkDefinition(def).ok;
      }),
    );
  });

  it('rejects a chain with any one flow removed (property): the steps after it cannot be reached', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 15 }), fc.nat(), (n, k) => {
        const steps = Array.from({ length: n }, (_, i) => ({ id: `s${i + 1}`, name: `步骤${i + 1}`, text: '', documents: [] }));
        const flows = steps.slice(1).map((s, i) => ({ from: `s${i + 1}`, to: s.id }));
        flows.splice(k % flows.length, 1);
        return !checkDefinition({ schemaVersion: 1, name: 'p', source: { kind: 'manual' }, steps, flows, start: 's1' }).ok;
      }),
    );
  });
});
