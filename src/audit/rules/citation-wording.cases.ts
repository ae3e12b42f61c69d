import { list, type RuleCases } from '../testing/index.js';

export const cases: RuleCases = {
  valid: [
    { name: 'quotes that are the law\'s words, excerpted', list: list([{}]) },
    {
      name: 'a quote cut off mid-clause',
      list: list([{ 实施依据: '《中华人民共和国密码法》第三十七条第一款 关键信息基础设施的运营者违反本法第二十七条第一款规定，未按照要求使用商用' }]),
    },
  ],
  invalid: [
    {
      name: '001: 中国人民共和国 in a note',
      list: list([{ 实施依据: '《中华人民共和国保守国家秘密法实施条例》（2014年1月17日中国人民共和国国务院令第646号公布 2024年7月10日中华人民共和国国务院令第786号修订）第四十八条 ……' }]),
      errors: [{ messageId: 'title-typo', field: '实施依据', data: { wrong: '中国人民共和国', right: '中华人民共和国', where: '题注' } }],
    },
    {
      name: 'a misspelt title',
      list: list([{ 实施依据: '《中华人民共和国保守国家秘密法实施条列》第四十八条 ……' }]),
      errors: [{ messageId: 'title-typo', data: { right: '中华人民共和国保守国家秘密法实施条例' } }],
    },
    {
      name: 'a word changed in the quote',
      list: list([{ 实施依据: '《中华人民共和国密码法》第三十七条第一款 关键信息基础设施的运营者违反本法第二十七条第一款规定，未按照要求使用商用密码，由密码管理部门责令改正，给予警告；拒不改正或者导致危害网络安金等后果的，处十万元以上一百万元以下罚款。' }]),
      errors: [{ messageId: 'quote-differs', severity: 'warning', data: { quoted: '拒不改正或者导致危害网络安金等后果的', law: '拒不改正或者导致危害网络安全等后果的' } }],
    },
    {
      name: '001 item 12: the 2010 第五条 quoted as 第五条 of today\'s law, which is now 第六条',
      list: list([{ 实施依据: '1.【法律】《中华人民共和国保守国家秘密法》第五条：国家保密行政管理部门主管全国的保密工作。县级以上地方各级保密行政管理部门主管本行政区域的保密工作。' }]),
      errors: [{ messageId: 'quote-unrelated', data: { elsewhere: '，与该版本第六条相符' } }],
    },
  ],
};
