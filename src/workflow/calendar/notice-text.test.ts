import { describe, expect, it } from 'vitest';
import { readNoticeText } from './notice-text.js';

/** Sentences in the forms the notices have used, with the dates they give. */
const CASES = [
  {
    year: 2020,
    text: '1月24日至30日放假调休，共7天。1月19日（星期日）、2月1日（星期六）上班。',
    off: ['2020-01-24', '2020-01-25', '2020-01-26', '2020-01-27', '2020-01-28', '2020-01-29', '2020-01-30'],
    work: ['2020-01-19', '2020-02-01'],
    statedDays: 7,
  },
  {
    year: 2023,
    text: '2022年12月31日至2023年1月2日放假调休，共3天。',
    off: ['2022-12-31', '2023-01-01', '2023-01-02'],
    work: [],
    statedDays: 3,
  },
  {
    year: 2022,
    text: '1月31日至2月6日放假调休，共7天。1月29日（星期六）、1月30日（星期日）上班。',
    off: ['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04', '2022-02-05', '2022-02-06'],
    work: ['2022-01-29', '2022-01-30'],
    statedDays: 7,
  },
  { year: 2024, text: '1月1日放假，与周末连休。', off: ['2024-01-01'], work: [], statedDays: null },
  { year: 2025, text: '1月1日（周三）放假1天，不调休。', off: ['2025-01-01'], work: [], statedDays: 1 },
  {
    year: 2026,
    text: '2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。',
    off: ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'],
    work: ['2026-02-14', '2026-02-28'],
    statedDays: 9,
  },
  {
    year: 2019,
    text: '2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。',
    off: ['2018-12-30', '2018-12-31', '2019-01-01'],
    work: ['2018-12-29'],
    statedDays: 3,
  },
  { year: 2016, text: '5月1日放假，5月2日（星期一）补休。', off: ['2016-05-01', '2016-05-02'], work: [], statedDays: null },
] as const;

describe('reading a notice sentence', () => {
  it.each(CASES)('$text', ({ year, text, off, work, statedDays }) => {
    const reading = readNoticeText(text, year);
    expect(reading.off).toEqual(off);
    expect(reading.work).toEqual(work);
    expect(reading.statedDays).toBe(statedDays);
    expect(reading.issues).toEqual([]);
    expect(reading.unrecognized).toEqual([]);
  });

  it('keeps what it cannot read instead of guessing', () => {
    const reading = readNoticeText(
      '2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。',
      2024,
    );
    expect(reading.off).not.toContain('2024-02-09');
    expect(reading.unrecognized).toEqual(['鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息']);
    const extension = readNoticeText('延长2020年春节假期至2月2日（农历正月初九，星期日），2月3日（星期一）起正常上班。', 2020);
    expect(extension).toMatchObject({ off: [], work: [] });
    expect(extension.unrecognized).toHaveLength(1);
  });

  it('catches a weekday that does not match its date', () => {
    const reading = readNoticeText('10月1日至8日放假调休，共8天。9月28日（周六）、10月11日（周六）上班。', 2025);
    expect(reading.issues).toEqual(['“9月28日（周六）”标注的星期与2025-09-28的实际星期不符']);
  });

  it('catches a day that does not exist', () => {
    expect(readNoticeText('2月30日放假。', 2025).issues).toEqual(['“2月30日”不是有效日期']);
  });
});
