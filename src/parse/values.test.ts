import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from './chinese-number.js';
import { CREDIT_CODE_CHARSET, checkCreditCode, creditCheckChar } from './credit-code.js';
import { LOCAL_CODE_FIXTURES, NUMBER_FIXTURES, TIME_LIMIT_FIXTURES } from './fixtures/values.js';
import { LOCAL_CODE_TYPE_SEGMENTS, parseLocalCode } from './local-code.js';
import { parseTimeLimit } from './time-limit.js';

describe('parseChineseNumber', () => {
  it.each(NUMBER_FIXTURES.map((f) => [f.input, f.expected] as const))('sample %s → %s', (input, expected) => {
    expect(parseChineseNumber(input)).toBe(expected);
  });

  it.each([
    ['一', 1],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['二十三', 23],
    ['第二十三', 23],
    ['一百零五', 105],
    ['一百一十', 110],
    ['两千', 2000],
    ['一千零一', 1001],
    ['三千零二十', 3020],
    ['一万零五百', 10500],
    ['〇', 0],
    ['零', 0],
    ['二〇二四', 2024],
    ['23', 23],
    ['２３', 23],
    ['第１２', 12],
    [' 第 七 ', 7],
    ['', null],
    ['第', null],
    ['十十', null],
    ['二三十', null],
    ['一百二十三四', null],
    ['12a', null],
    ['五条', null],
  ] as const)('%j → %s', (input, expected) => {
    expect(parseChineseNumber(input)).toBe(expected);
  });

  it('reads back every number it writes, 1–99999', () => {
    const digits = '零一二三四五六七八九';
    const write = (n: number): string => {
      const units = ['', '十', '百', '千'];
      const section = (x: number): string => {
        let s = '';
        let zero = false;
        for (let i = 3; i >= 0; i--) {
          const d = Math.floor(x / 10 ** i) % 10;
          if (d === 0) zero = s !== '';
          else {
            if (zero) s += '零';
            s += digits[d] + (units[i] ?? '');
            zero = false;
          }
        }
        return s;
      };
      return n >= 10000 ? `${section(Math.floor(n / 10000))}万${n % 10000 < 1000 && n % 10000 > 0 ? '零' : ''}${section(n % 10000)}` : section(n);
    };
    fc.assert(fc.property(fc.integer({ min: 1, max: 99999 }), (n) => parseChineseNumber(write(n)) === n));
  });
});

describe('parseTimeLimit', () => {
  it.each(TIME_LIMIT_FIXTURES.map((f) => [f.input, f.expected] as const))('sample %j', (input, expected) => {
    expect(parseTimeLimit(input)).toEqual({ raw: input, ...expected });
  });

  it.each([
    ['45个工作日', { value: 45, unit: '工作日' }],
    ['20 个工作日', { value: 20, unit: '工作日' }],
    ['30日', { value: 30, unit: '日' }],
    ['30天', { value: 30, unit: '日' }],
    ['3个月', { value: 3, unit: '月' }],
    ['１年', { value: 1, unit: '年' }],
    ['24小时', { value: 24, unit: '小时' }],
    ['十五个工作日', { value: 15, unit: '工作日' }],
    ['一年半', { unit: '年' }],
    ['2014年1月17日公布，自公布之日起30日内', { value: 30, unit: '日' }],
    ['2014年1月17日', {}],
    ['即办', {}],
    ['', {}],
    ['按规定', {}],
  ] as const)('%j', (input, expected) => {
    expect(parseTimeLimit(input)).toEqual({ raw: input, ...expected });
  });
});

describe('parseLocalCode', () => {
  it.each(LOCAL_CODE_FIXTURES.map((f) => [f.input, f.expected] as const))('sample %s', (input, expected) => {
    expect(parseLocalCode(input)).toEqual({ raw: input, ...expected });
  });

  it('names the type segments seen in 004', () => {
    expect(LOCAL_CODE_TYPE_SEGMENTS[parseLocalCode('11620602MB198079204620246001000').typeSegment ?? '']).toBe('行政处罚');
    expect(LOCAL_CODE_TYPE_SEGMENTS[parseLocalCode('11620602MB198079204621046014000').typeSegment ?? '']).toBe('其他行政权力');
  });

  it.each(['', '  ', '11620602MB19807920462024600100', '11620602MB1980792046202460010000', '11620602MB19807920462024600100X'])('keeps %j whole', (raw) => {
    const code = parseLocalCode(raw);
    expect(code).toEqual({ raw, undocumented: raw.trim() ? [raw.trim()] : [] });
  });
});

describe('checkCreditCode (GB 32100-2015)', () => {
  it('accepts the code inside 004 local codes and gives its region', () => {
    expect(checkCreditCode('11620602MB19807920')).toEqual({ valid: true, expected: '0', region: '620602' });
  });

  it.each([
    ['11620602MB19807921', '校验码应为“0”，实为“1”'],
    ['11620602MB1980792', '长度应为18位，实为17位'],
    ['11620602MI19807920', '第10位“I”不在代码字符集内'],
    ['11620602mb19807920', '第9位“m”不在代码字符集内'],
  ])('rejects %s', (code, reason) => {
    const r = checkCreditCode(code);
    expect(r.valid).toBe(false);
    expect(r.reason).toBe(reason);
  });

  const body = fc.array(fc.constantFrom(...CREDIT_CODE_CHARSET), { minLength: 17, maxLength: 17 }).map((a) => a.join(''));

  it('validates every code built with its own check character', () => {
    fc.assert(
      fc.property(body, (b) => {
        const code = b + (creditCheckChar(b) ?? '');
        const r = checkCreditCode(code);
        return r.valid && r.region === code.slice(2, 8);
      }),
    );
  });

  it('rejects every code with one character changed', () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (b, pos, shift) => {
        const code = b + (creditCheckChar(b) ?? '');
        const old = CREDIT_CODE_CHARSET.indexOf(code[pos] ?? '');
        const changed = code.slice(0, pos) + CREDIT_CODE_CHARSET[(old + shift) % 31] + code.slice(pos + 1);
        return !checkCreditCode(changed).valid;
      }),
    );
  });
});
