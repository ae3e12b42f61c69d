import { describe, expect, it } from 'vitest';
import { normalizeOrderNumber, parseOrderNumber, parseOrderNumbers, sameOrder } from './order-number.js';

describe('normalizeOrderNumber', () => {
  // Spellings as the sample lists write them.
  it.each([
    ['主席令第28号', '主席令第28号'],
    ['2010年4月29日中华人民共和国主席令第二十八号公布，自2010年10月1日起施行', '主席令第28号'],
    ['1996年中华人民共和国主席令第63号公布', '主席令第63号'],
    ['中华人民共和国主席令49号', '主席令第49号'],
    ['国务院令第760号修订', '国务院令第760号'],
    ['国务院令646号', '国务院令第646号'],
    ['2014年1月17日中国人民共和国国务院令第646号公布', '国务院令第646号'],
    ['国务院令495号', '国务院令第495号'],
    ['2017年12月29日国家保密局令第2号公布', '国家保密局令第2号'],
    ['国家保密局令2021年第1号', '国家保密局令2021年第1号'],
    ['国家互联网信息办公室1号令，2017年6月1日施行', '国家互联网信息办公室令第1号'],
    ['国家互联网信息办公室令第1号，2017年6月1日起施行', '国家互联网信息办公室令第1号'],
    ['国保发〔2013〕14号', '国保发〔2013〕14号'],
    ['国保发[2018]59号', '国保发〔2018〕59号'],
    ['公安部令第33号', '公安部令第33号'],
    ['中华人民共和国主席令 第六十一号', '主席令第61号'],
    ['国务院令第６４６号', '国务院令第646号'],
  ])('%s → %s', (text, normalized) => {
    expect(normalizeOrderNumber(text)).toBe(normalized);
  });

  it.each(['国务院令第6', '2016年11月7日第十二届全国人民代表大会常务委员会第二十四次会议通过', '第二十三条'])(
    'finds none in %s',
    (text) => {
      expect(normalizeOrderNumber(text)).toBeUndefined();
    },
  );

  it('is stable: a normalised number normalises to itself', () => {
    for (const text of ['主席令第二十八号', '国家保密局令2017年第2号', '国保发〔2013〕14号', '国家互联网信息办公室1号令']) {
      const once = normalizeOrderNumber(text) as string;
      expect(normalizeOrderNumber(once)).toBe(once);
    }
  });
});

describe('parseOrderNumbers', () => {
  it('finds every number in a note, in order', () => {
    const found = parseOrderNumbers('2014年1月17日中国人民共和国国务院令第646号公布 2024年7月10日中华人民共和国国务院令第786号修订');
    expect(found.map((o) => o.normalized)).toEqual(['国务院令第646号', '国务院令第786号']);
    expect(found[1]?.raw).toBe('中华人民共和国国务院令第786号');
  });
});

describe('sameOrder', () => {
  const order = (text: string) => parseOrderNumber(text) ?? expect.unreachable(text);
  it('ignores a year only one side has', () => {
    expect(sameOrder(order('国家保密局令第2号'), order('国家保密局令2017年第2号'))).toBe(true);
    expect(sameOrder(order('国家保密局令2021年第2号'), order('国家保密局令2017年第2号'))).toBe(false);
  });
  it('needs the same issuer and number', () => {
    expect(sameOrder(order('主席令第二十八号'), order('主席令第28号'))).toBe(true);
    expect(sameOrder(order('主席令第28号'), order('国务院令第28号'))).toBe(false);
    expect(sameOrder(order('主席令第28号'), order('主席令第20号'))).toBe(false);
  });
});
