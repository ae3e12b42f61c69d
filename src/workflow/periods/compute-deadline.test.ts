import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Calendar } from '../calendar/calendar.js';
import { loadCalendar } from '../calendar/load.js';
import { computeDeadline } from './compute-deadline.js';
import { PeriodError } from './errors.js';
import type { DeadlineRequest } from './request.js';
import { PERIOD_RULES } from './rules.js';

const DATA_DIR = fileURLToPath(new URL('../../../data/calendar/', import.meta.url));

let calendar: Calendar;
beforeAll(async () => {
  calendar = await loadCalendar(DATA_DIR);
});

interface Example {
  readonly title: string;
  readonly request: DeadlineRequest;
  readonly due: string;
  /** The article the result must name in `rule`. */
  readonly article: string;
  /** Phrases the explanation must contain. */
  readonly explains?: readonly string[];
  readonly provisionalYears?: readonly number[];
}

/**
 * Worked by hand from the notices (see data/calendar) and the articles the rules apply.
 * 2025: 9-28 (Sun) and 10-11 (Sat) are workdays, 10-01..10-08 off.
 */
const EXAMPLES: readonly Example[] = [
  {
    title: '5 workdays from 2025-09-30: 10-09 Thu, 10-10 Fri, 10-11 Sat (调休), 10-13 Mon, 10-14 Tue',
    request: { from: '2025-09-30', amount: 5, unit: 'workday' },
    due: '2025-10-14',
    article: '第八十五条',
    explains: ['未指定规则，按一般规则：期间计算', '2025年10月1日至2025年10月8日国庆节、中秋节放假', '2025年10月11日（星期六）调休上班'],
  },
  {
    title: '民事诉讼法第八十五条: 5 days ending on 10-01 run on to the first workday after the holiday',
    request: { from: '2025-09-26', amount: 5, unit: 'day', rule: 'civil-procedure-period' },
    due: '2025-10-09',
    article: '第八十五条',
    explains: ['期间最后一日2025年10月1日（星期三）为国庆节、中秋节假期，依《中华人民共和国民事诉讼法》第八十五条'],
  },
  {
    title: '民事诉讼法第八十五条: a Sunday that is a makeup workday is not a day off',
    request: { from: '2025-09-23', amount: 5, unit: 'day', rule: 'civil-procedure-period' },
    due: '2025-09-28',
    article: '第八十五条',
  },
  {
    title: '行政许可法第八十二条: 5 days are 5 workdays; 2024 除夕 (2-09) is a workday, 2-18 (Sun) a makeup workday',
    request: { from: '2024-02-08', amount: 5, unit: 'day', rule: 'xingzheng-xuke-workdays' },
    due: '2024-02-21',
    article: '第八十二条',
    explains: ['依《行政许可法》第八十二条，期限以工作日计算'],
  },
  {
    title: '行政许可法第四十二条: twenty workdays from 受理 on 2025-09-15',
    request: { from: '2025-09-15', rule: 'xingzheng-xuke-42' },
    due: '2025-10-17',
    article: '第四十二条',
  },
  {
    title: '行政许可法第四十二条: extended by ten workdays with the head’s approval',
    request: { from: '2025-09-15', rule: 'xingzheng-xuke-42', extensions: [{ amount: 10, approvedOn: '2025-10-16' }] },
    due: '2025-10-31',
    article: '第四十二条',
    explains: ['经本行政机关负责人批准（2025年10月16日）延长10个工作日', '共计30个工作日'],
  },
  {
    title: '行政许可法第四十五条: 检验 from 9-29 to 10-10 takes 4 workdays out of the count',
    request: { from: '2025-09-15', rule: 'xingzheng-xuke-42', pauses: [{ from: '2025-09-29', to: '2025-10-10', kind: '检验' }] },
    due: '2025-10-23',
    article: '第四十二条',
    explains: ['检验所需时间不计入期限（依《中华人民共和国行政许可法》第四十五条），扣除4个工作日'],
  },
  {
    title: '行政许可法第四十五条 and 第四十二条: 听证 (4 workdays) and a ten-day extension',
    request: {
      from: '2025-09-15',
      rule: 'xingzheng-xuke-42',
      pauses: [{ from: '2025-09-20', to: '2025-09-25', kind: '听证' }],
      extensions: [{ amount: 10 }],
    },
    due: '2025-11-06',
    article: '第四十二条',
  },
  {
    title: '行政许可法第三十二条: 补正 notified within five workdays restarts the twenty days from the complete materials',
    request: { from: '2025-09-15', rule: 'xingzheng-xuke-42', pauses: [{ from: '2025-09-17', to: '2025-09-22', kind: '补正' }] },
    due: '2025-10-24',
    article: '第四十二条',
    explains: ['期限自2025年9月22日起重新计算（依《中华人民共和国行政许可法》第三十二条第一款第（五）项、第四十二条第一款）'],
  },
  {
    title: '行政许可法第三十二条（四）: 补正 notified after five workdays, so 受理 counts from receipt',
    request: { from: '2025-09-15', rule: 'xingzheng-xuke-42', pauses: [{ from: '2025-09-25', to: '2025-09-29', kind: '补正' }] },
    due: '2025-10-17',
    article: '第四十二条',
    explains: ['补正告知日2025年9月25日晚于2025年9月22日', '逾期不告知的，自收到申请材料之日起即为受理'],
  },
  {
    title: '行政许可法第四十二条第二款: 45 workdays for joint handling, across 中秋 (9-25) and National Day 2026',
    request: { from: '2026-09-01', rule: 'xingzheng-xuke-42-joint' },
    due: '2026-11-09',
    article: '第四十二条',
  },
  {
    title: '行政许可法第四十二条第二款: extended by fifteen workdays',
    request: { from: '2026-09-01', rule: 'xingzheng-xuke-42-joint', extensions: [{ amount: 15 }] },
    due: '2026-11-30',
    article: '第四十二条',
  },
  {
    title: '行政处罚法第八十五条: 五日 are workdays',
    request: { from: '2025-09-30', amount: 5, unit: 'day', rule: 'xingzheng-chufa-85' },
    due: '2025-10-14',
    article: '第八十五条',
    explains: ['5日属于“二日”“三日”“五日”“七日”之列，按工作日计算'],
  },
  {
    title: '行政处罚法第八十五条: 三日 end on the Saturday makeup workday',
    request: { from: '2025-09-30', amount: 3, unit: 'day', rule: 'xingzheng-chufa-85' },
    due: '2025-10-11',
    article: '第八十五条',
  },
  {
    title: '行政处罚法第八十五条: 十日 are natural days, ending on 10-05 and running on to 10-09',
    request: { from: '2025-09-25', amount: 10, unit: 'day', rule: 'xingzheng-chufa-85' },
    due: '2025-10-09',
    article: '第八十五条',
    explains: ['10日不属于《行政处罚法》第八十五条所列', '参照《中华人民共和国民事诉讼法》第八十五条'],
  },
  {
    title: '行政处罚法第六十条: ninety natural days from 立案',
    request: { from: '2025-08-01', rule: 'xingzheng-chufa-60' },
    due: '2025-10-30',
    article: '第六十条',
  },
  {
    title: '行政处罚法第六十条: the ninetieth day is 10-01, so the period ends on 10-09',
    request: { from: '2025-07-03', rule: 'xingzheng-chufa-60' },
    due: '2025-10-09',
    article: '第六十条',
  },
  {
    title: '行政处罚法第六十条: a ten-day 中止 moves the end to 11-09 (Sunday), then 11-10',
    request: { from: '2025-08-01', rule: 'xingzheng-chufa-60', pauses: [{ from: '2025-08-10', to: '2025-08-19' }] },
    due: '2025-11-10',
    article: '第六十条',
  },
  {
    title: '行政强制法第六十九条: 十日 are workdays, the 9-28 Sunday makeup workday included',
    request: { from: '2025-09-26', amount: 10, unit: 'day', rule: 'xingzheng-qiangzhi-69' },
    due: '2025-10-16',
    article: '第六十九条',
    explains: ['10日属于十日以内期限，按工作日计算'],
  },
  {
    title: '行政强制法第六十九条: fifteen days are natural days and end on the 10-11 makeup workday',
    request: { from: '2025-09-26', amount: 15, unit: 'day', rule: 'xingzheng-qiangzhi-69' },
    due: '2025-10-11',
    article: '第六十九条',
  },
  {
    title: 'months: 2025-01-31 plus one month is the last day of February',
    request: { from: '2025-01-31', amount: 1, unit: 'month' },
    due: '2025-02-28',
    article: '第八十五条',
    explains: ['到期月没有对应日，以该月末日为期间最后一日'],
  },
  {
    title: 'months: 2025-09-01 plus one month is 10-01, a holiday, so 10-09',
    request: { from: '2025-09-01', amount: 1, unit: 'month', rule: 'month-period' },
    due: '2025-10-09',
    article: '第八十五条',
  },
  {
    title: 'months: a ten-day suspension moves 05-15 to 05-25 (Sunday), then 05-26',
    request: { from: '2025-03-15', amount: 2, unit: 'month', pauses: [{ from: '2025-04-01', to: '2025-04-10' }] },
    due: '2025-05-26',
    article: '第八十五条',
  },
  {
    title: 'months into an unannounced year: 2027-02-28 is a Sunday, provisional',
    request: { from: '2026-11-30', amount: 3, unit: 'month' },
    due: '2027-03-01',
    article: '第八十五条',
    provisionalYears: [2027],
    explains: ['2027年的放假安排未收录', '临时结果'],
  },
  {
    title: '行政处罚法: seven workdays, then a thirty-day natural extension counted on from there',
    request: { from: '2025-09-01', amount: 7, unit: 'day', rule: 'xingzheng-chufa-85', extensions: [{ amount: 30 }] },
    due: '2025-10-10',
    article: '第八十五条',
    explains: ['未规定可以延长'],
  },
];

describe('worked examples', () => {
  it.each(EXAMPLES)('$title', ({ request, due, article, explains = [], provisionalYears = [] }) => {
    const result = computeDeadline(request, calendar);
    expect(result.due).toBe(due);
    expect(result.rule.article).toBe(article);
    expect(result.provisionalYears).toEqual(provisionalYears);
    expect(result.provisional).toBe(provisionalYears.length > 0);
    expect(calendar.isWorkday(result.due)).toBe(true);
    for (const phrase of explains) expect(result.explanation).toContain(phrase);
    expect(result.explanation).toContain(`期限届满日为${due.slice(0, 4)}年`);
  });

  it('cover every rule in the table', () => {
    const covered = new Set(EXAMPLES.map((e) => computeDeadline(e.request, calendar).rule.id));
    expect([...covered].sort()).toEqual(PERIOD_RULES.map((rule) => rule.id).sort());
  });

  it('name the rule applied and every provision relied on', () => {
    const result = computeDeadline(EXAMPLES[7]?.request as DeadlineRequest, calendar);
    expect(result.rule).toEqual({
      id: 'xingzheng-xuke-42',
      name: '行政许可决定期限（二十日，经负责人批准可延长十日）',
      law: '中华人民共和国行政许可法',
      article: '第四十二条',
    });
    expect(result.basis.map((c) => `${c.article}${c.part ?? ''}`)).toEqual([
      '第四十二条第一款',
      '第八十二条',
      '第八十五条第二款、第三款',
      '第四十五条',
    ]);
    expect(result.pauses).toEqual([
      { from: '2025-09-20', to: '2025-09-25', kind: '听证', effect: 'suspend', status: 'applied', excluded: 4 },
    ]);
  });
});

describe('warnings and refusals', () => {
  const base = { from: '2025-09-15', rule: 'xingzheng-xuke-42' } as const;

  it('warns about an extension beyond the statutory ten days', () => {
    const result = computeDeadline({ ...base, extensions: [{ amount: 15 }] }, calendar);
    expect(result.warnings).toContain('延长合计15个工作日，超过法定最多可延长的10个工作日');
  });

  it('warns about an extension approved after the period ran out', () => {
    const result = computeDeadline({ ...base, extensions: [{ amount: 10, approvedOn: '2025-10-20' }] }, calendar);
    expect(result.warnings).toContain('延长于2025-10-20批准，晚于原期限届满日2025-10-17');
  });

  it('warns when a 行政许可法 pause is used under another law', () => {
    const result = computeDeadline(
      { from: '2025-08-01', rule: 'xingzheng-chufa-60', pauses: [{ from: '2025-08-10', to: '2025-08-19', kind: '鉴定' }] },
      calendar,
    );
    expect(result.warnings[0]).toMatch(/依据是行政许可法/);
    expect(result.due).toBe('2025-11-10');
  });

  it('reports pauses that change nothing, and why', () => {
    const result = computeDeadline(
      {
        ...base,
        pauses: [
          { from: '2025-09-01', to: '2025-09-10', kind: '检测' },
          { from: '2025-12-01', to: '2025-12-05', kind: '检测' },
        ],
      },
      calendar,
    );
    expect(result.due).toBe('2025-10-17');
    expect(result.pauses.map((p) => p.status)).toEqual(['before-start', 'after-due']);
    expect(result.explanation).toContain('在起算日之前，不影响期限');
  });

  it.each([
    [{ from: '2025-09-30', amount: 5, rule: 'no-such-rule' }, 'unknown-rule'],
    [{ from: '2025-09-30', amount: 2, unit: 'month', rule: 'xingzheng-xuke-workdays' }, 'unit-not-allowed'],
    [{ from: '2025-09-30', rule: 'xingzheng-qiangzhi-69' }, 'missing-amount'],
    [{ from: '2025-09-30', amount: 5, pauses: [{ from: '2025-10-05', to: '2025-10-01' }] }, 'bad-request'],
    [{ from: '2025-09-30', amount: 5, pauses: [{ from: '2025-10-01', to: '2025-10-05', kind: '出差' }] }, 'unknown-pause-kind'],
    [{ from: '2025-02-30', amount: 5 }, 'bad-request'],
    [{ from: '2025-09-30', amount: 0 }, 'bad-request'],
    [{ from: '2025-09-30', amount: 5, unti: 'day' }, 'bad-request'],
  ] as [DeadlineRequest, string][])('refuses %j (%s)', (request, code) => {
    expect(() => computeDeadline(request, calendar)).toThrow(PeriodError);
    expect(() => computeDeadline(request, calendar)).toThrow(expect.objectContaining({ code }));
  });
});
