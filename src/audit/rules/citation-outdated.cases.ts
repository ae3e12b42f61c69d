import { libraryWith, list, type RuleCases, TEST_FACT } from '../testing/index.js';

const repealed = () =>
  libraryWith([
    {
      id: 'mou-guanli-tiaoli',
      title: '某某管理条例',
      aliases: [],
      issuingBody: '国务院',
      level: '行政法规',
      ...TEST_FACT,
      versions: [{ id: '2001-01-01', kind: '制定', adopted: { date: '2001-01-01', ...TEST_FACT }, effective: { date: '2001-03-01', ...TEST_FACT }, ...TEST_FACT }],
      status: { status: '已废止', asOf: '2026-11-23', repealed: { date: '2020-01-01', ...TEST_FACT }, ...TEST_FACT },
    },
  ]);

export const cases: RuleCases = {
  valid: [
    { name: 'laws in force, cited without a version', list: list([{}]) },
    {
      name: '004 checked before the 2025 amendment took effect',
      today: '2025-12-31',
      list: list([{ 实施依据: '《中华人民共和国网络安全法》（2016年11月7日第十二届全国人民代表大会常务委员会第二十四次会议通过）第五十九条：网络运营者不履行本法第二十一条、第二十五条规定的网络安全保护义务的……' }]),
    },
  ],
  invalid: [
    {
      name: '003: 保守国家秘密法 2010 第四十五条, its quote confirming the order number',
      list: list([{ 实施依据: '【法律】《中华人民共和国保守国家秘密法》（主席令第28号）第四十五条 保密行政管理部门对保密检查中发现的非法获取、持有的国家秘密载体，应当予以收缴。' }]),
      errors: [{ messageId: 'moved', field: '实施依据', severity: 'error', data: { ref: '第四十五条', newRef: '第五十二条第二款' } }],
    },
    {
      name: '003: 行政处罚法 1996 第五十五条 moves on an unverified correspondence',
      list: list([{ 追责依据: '1.【法律】《中华人民共和国行政处罚法》（1996年中华人民共和国主席令第63号公布）第五十五条 行政机关实施行政处罚……' }]),
      errors: [{ messageId: 'moved', field: '追责依据', severity: 'warning', data: { newRef: '第七十六条', verified: false } }],
    },
    {
      name: 'an old article inside the quoted old text (本法第十八条) is the quote\'s, not the list\'s: only 第五十五条 is reported',
      list: list([{ 追责依据: '《中华人民共和国行政处罚法》（1996年主席令第六十三号公布，2009年主席令第十八号修改）第五十五条 ……（四）违反本法第十八条关于委托处罚的规定的。' }]),
      errors: [{ messageId: 'moved', data: { ref: '第五十五条', newRef: '第七十六条' } }],
    },
    {
      name: '004 item 5: 网络安全法 2016 第六十四条 lost its penalty in 2025',
      list: list([{ 实施依据: '《中华人民共和国网络安全法》（2016年11月7日第十二届全国人民代表大会常务委员会第二十四次会议通过）第六十四条：……' }]),
      errors: [{ messageId: 'abolished-power', data: { ref: '第六十四条' } }],
    },
    {
      name: 'a superseded version whose article kept its number',
      list: list([{ 实施依据: '《中华人民共和国保守国家秘密法》（2010年4月29日中华人民共和国主席令第二十八号公布）第二条 国家秘密是关系国家安全和利益……' }]),
      errors: [{ messageId: 'superseded', data: { current: '2024年2月27日修订的版本', effective: '2024-05-01起施行' } }],
    },
    {
      name: 'a provision the new version dropped',
      list: list([{ 实施依据: '《商用密码管理条例》（国务院令第273号）第三条 商用密码技术属于国家秘密。' }]),
      errors: [{ messageId: 'removed', data: { ref: '第三条', current: '2023年4月27日修订的版本' } }],
    },
    {
      name: 'a repealed law',
      library: repealed,
      list: list([{ 实施依据: '《某某管理条例》第三条 ……', 责任事项依据: '', 追责依据: '' }]),
      errors: [{ messageId: 'repealed', data: { title: '某某管理条例', date: '，废止日期2020-01-01' } }],
    },
    {
      name: 'a list date makes an unmarked citation old; an article the registry cannot place is only worth knowing',
      listDate: '2015-01-01',
      list: list([{ 实施依据: '《中华人民共和国行政处罚法》第十八条 ……', 责任事项依据: '', 追责依据: '' }]),
      errors: [{ messageId: 'unmapped', severity: 'info', data: { ref: '第十八条' } }],
    },
  ],
};
