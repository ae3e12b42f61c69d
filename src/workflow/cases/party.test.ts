import { describe, expect, it } from 'vitest';
import { isCaseError } from './errors.js';
import { maskParty, maskPartyName, parseParty, partyLabel } from './party.js';

describe('maskPartyName', () => {
  it.each([
    ['张三', '张**'],
    ['李小龙', '李**'],
    // A compound surname keeps only its first character: the mask never says how long the name is.
    ['欧阳娜娜', '欧**'],
    ['买买提·艾力', '买**'],
    ['王', '**'],
    // A character outside the BMP (CJK Extension B) is one character, not half of a surrogate pair.
    ['𠈌明', '𠈌**'],
  ])('person %s → %s', (name, masked) => {
    expect(maskPartyName({ name, kind: 'person' })).toBe(masked);
  });

  it.each([
    ['北京字节跳动科技有限公司', '北京**有限公司'],
    ['腾讯科技（深圳）有限公司', '腾讯**有限公司'],
    ['珠海格力电器股份有限公司', '珠海**股份有限公司'],
    ['中国农业银行股份有限公司北京海淀支行', '中国**支行'],
    ['北京市海淀区教育委员会', '北京**委员会'],
    ['新疆天山畜牧业专业合作社', '新疆**专业合作社'],
    ['乌鲁木齐市天山区红旗幼儿园', '乌鲁**幼儿园'],
    ['天山区人民医院', '天山**医院'],
    ['红星烤鸭店', '红星**店'],
    // Too short to keep two characters before the stars: one, so at least as much is hidden as shown.
    ['某某公司', '某**公司'],
    ['华为公司', '华**公司'],
    // No suffix known: the prefix alone.
    ['乌鲁木齐市水磨沟区张记', '乌鲁**'],
    ['王记', '王**'],
  ])('organisation %s → %s', (name, masked) => {
    expect(maskPartyName({ name, kind: 'organisation' })).toBe(masked);
  });

  it('masks the name only and drops the contact', () => {
    expect(maskParty({ name: '张三丰', kind: 'person', contact: '13800138000' })).toEqual({ name: '张**', kind: 'person', masked: true });
  });
});

describe('partyLabel', () => {
  it.each([
    ['行政许可', '申请人'],
    ['行政确认', '申请人'],
    ['行政给付', '申请人'],
    ['公共服务', '申请人'],
    ['行政 许可', '申请人'],
    ['行政处罚', '当事人'],
    ['行政检查', '当事人'],
    ['行政强制', '当事人'],
    [undefined, '当事人'],
    ['', '当事人'],
  ])('%s → %s', (powerType, label) => {
    expect(partyLabel(powerType)).toBe(label);
  });
});

describe('parseParty', () => {
  it('trims and keeps what was given', () => {
    expect(parseParty({ name: ' 北京字节跳动科技有限公司 ', kind: 'organisation', contact: ' 010-12345678 ' })).toEqual({
      name: '北京字节跳动科技有限公司',
      kind: 'organisation',
      contact: '010-12345678',
    });
    expect(parseParty({ name: '张三', kind: 'person' })).toEqual({ name: '张三', kind: 'person' });
  });

  // Direct store callers parse without the API's error map: every refusal says why in Chinese.
  const HIDDEN = '不能包含控制字符或不可见的格式字符';
  it.each([
    ['a control character', { name: '张\u0000三', kind: 'person' }, `name：${HIDDEN}`],
    ['a line break', { name: '张三\n李四', kind: 'person' }, `name：${HIDDEN}`],
    ['a right-to-left override', { name: '张三\u202e', kind: 'person' }, `name：${HIDDEN}`],
    ['a zero-width joiner', { name: '张\u200d三', kind: 'person' }, `name：${HIDDEN}`],
    ['a blank name', { name: '   ', kind: 'person' }, 'name：不能为空'],
    ['a name of 101 characters', { name: '张'.repeat(101), kind: 'person' }, 'name：不能超过 100 个字符'],
    ['no name', { kind: 'person' }, 'name：缺少必填参数'],
    ['a name that is not text', { name: 42, kind: 'person' }, 'name：应为文本'],
    ['an unknown kind', { name: '张三', kind: 'company' }, 'kind：应为 person（自然人）或 organisation（法人或其他组织）'],
    ['a kind that is not text', { name: '张三', kind: 1 }, 'kind：应为 person（自然人）或 organisation（法人或其他组织）'],
    ['no kind', { name: '张三' }, 'kind：缺少必填参数'],
    ['an unknown key', { name: '张三', kind: 'person', idNumber: '110101199003070000' }, '未知的字段 idNumber（只能有 name、kind 和 contact）'],
    ['a contact with a tab', { name: '张三', kind: 'person', contact: '138\t0013' }, `contact：${HIDDEN}`],
    ['a contact that is not text', { name: '张三', kind: 'person', contact: 13800138000 }, 'contact：应为文本'],
    ['text', '张三', '应为对象，含 name、kind 和可选的 contact'],
    ['null', null, '应为对象，含 name、kind 和可选的 contact'],
  ])('refuses %s in Chinese', (_, input, reason) => {
    let error: unknown;
    try {
      parseParty(input);
    } catch (e) {
      error = e;
    }
    expect(isCaseError(error) && error.code).toBe('invalid-input');
    expect((error as Error).message).toBe(`当事人信息不正确：${reason}`);
  });
});
