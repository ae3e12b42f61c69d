import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../ingest/index.js';
import type { PowerList } from '../../model/index.js';
import { type ItemSnapshot, snapshotOfItem } from '../cases/index.js';
import { onTimeChartSvg, onTimeRate } from './chart.js';
import { applicableSituations } from './situations.js';

const path = (file: string) => fileURLToPath(new URL(`../../../data/samples/${file}`, import.meta.url));
const FILES = { mima: '000_02bf2a8e6665d46e.txt', baomi: '001_7632346c82027c4f.txt', liuzhou: '003_1a02e0d312fedcb4.txt', liangzhou: '004_a6a5239ed012e120.txt' } as const;
const lists = new Map<string, PowerList>();
beforeAll(async () => {
  for (const [key, file] of Object.entries(FILES)) lists.set(key, await importFile(path(file)));
});
const snapshot = (key: keyof typeof FILES, index = 0): ItemSnapshot => {
  const list = lists.get(key) as PowerList;
  return snapshotOfItem({ id: String(index), item: list.items[index] as never, department: list.department });
};

/** Which 追责情形 apply to a case late at a step, read against the samples' own wording. */
const CASES: readonly { key: keyof typeof FILES; index?: number; step: string; labels: string[]; match: string | null; says?: string }[] = [
  // 000: "6. 符合立案标准的案件不及时立案的" is about time and about 立案.
  { key: 'mima', step: '立案', labels: ['6.'], match: 'deadline', says: '不及时立案' },
  // …so late at 调查 it does not apply; "3. 违反法定的行政处罚程序的" does.
  { key: 'mima', step: '调查', labels: ['3.'], match: 'procedure', says: '程序' },
  // 001: "1. 对符合条件的申请不予受理或不在法定期限内受理的".
  { key: 'baomi', step: '受理', labels: ['1.'], match: 'deadline', says: '法定期限' },
  { key: 'baomi', step: '决定', labels: ['3.'], match: 'procedure' },
  // 003's first item (a 行政处罚 whose 追责情形 speak of 行政强制): "2. 违反法定程序实施行政强制的".
  { key: 'liuzhou', step: '立案', labels: ['2.'], match: 'procedure' },
  // 004 names no time or procedure: only "3. 法律法规规定的其他法律责任。".
  { key: 'liangzhou', step: '立案', labels: ['3.'], match: 'catch-all' },
];

describe('applicableSituations on the samples', () => {
  it.each(CASES)('$key, late at $step → $labels ($match)', ({ key, index, step, labels, match, says }) => {
    const found = applicableSituations(snapshot(key, index), step);
    expect(found.map((s) => s.label)).toEqual(labels);
    expect(found[0]?.match ?? null).toBe(match);
    if (says) expect(found[0]?.text).toContain(says);
  });

  it('keeps the pursuer the list names', () => {
    expect(applicableSituations(snapshot('baomi'), '受理')[0]?.pursuer).toBe('秘书处');
  });

  it('returns nothing, rather than a guess, for an item without 追责情形', () => {
    expect(applicableSituations({ ...snapshot('mima'), situations: [] }, '立案')).toEqual([]);
  });
});

describe('onTimeChartSvg', () => {
  const months = [
    { month: '2025-10', closed: 4, onTime: 3, late: 1, noDeadline: 0 },
    { month: '2025-11', closed: 2, onTime: 0, late: 0, noDeadline: 2 },
    { month: '2025-12', closed: 5, onTime: 5, late: 0, noDeadline: 0 },
  ];
  it('draws one bar per rated month with its rate, and a dash for a month with nothing rated', () => {
    const svg = onTimeChartSvg(months);
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).toContain('>75%<');
    expect(svg).toContain('>100%<');
    expect(svg).toContain('均无法定时限');
    expect(onTimeRate(months[1] as never)).toBeNull();
  });
  it('escapes its title and says when there is nothing to draw', () => {
    const svg = onTimeChartSvg([], '<script>alert(1)</script>');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('尚无办结案件');
  });
});
