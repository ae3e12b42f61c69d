import { list, type RuleCases } from '../testing/index.js';

export const cases: RuleCases = {
  valid: [
    { name: 'existing articles', list: list([{}]) },
    { name: 'forms are not laws', list: list([{ 责任事项: '1.立案责任：填写《立案审批表》。\n2.调查责任：…\n3.审查责任：…\n4.告知责任：…\n5.决定责任：制作《行政处罚决定书》。\n6.送达责任：…\n7.执行责任：…' }]) },
  ],
  invalid: [
    {
      name: 'an article the law does not have',
      list: list([{ 实施依据: '《中华人民共和国密码法》第九十条 ……' }]),
      errors: [{ messageId: 'article-missing', field: '实施依据', severity: 'error', data: { ref: '第九十条', count: 44 } }],
    },
    {
      name: 'a paragraph the article does not have',
      list: list([{ 实施依据: '《中华人民共和国密码法》第二十七条第五款 ……' }]),
      errors: [{ messageId: 'part-missing', data: { ref: '第二十七条第五款' } }],
    },
    {
      name: '004 item 14: an order number the registry gives to no version (its fact unverified)',
      list: list([{ 实施依据: '《互联网新闻信息服务管理规定》（国家互联网信息办公室令第2号，2017年6月1日施行）第四条：国家互联网信息办公室负责全国互联网新闻信息服务的监督管理执法工作。' }]),
      errors: [{ messageId: 'unmatched-hint', severity: 'warning', data: { hint: '国家互联网信息办公室令第2号' } }],
    },
    {
      name: 'a title the registry knows as cut off in a sample',
      list: list([{ 追责依据: '《中华人民共和国公务》第九条 ……' }]),
      errors: [{ messageId: 'truncated-title', data: { title: '中华人民共和国公务', candidates: '，可能是《中华人民共和国公务员法》' } }],
    },
    {
      name: 'a law not in the registry is only worth knowing',
      list: list([{ 实施依据: '《某某事务管理办法》第三条 ……' }]),
      errors: [{ messageId: 'unknown-title', severity: 'info', data: { title: '某某事务管理办法' } }],
    },
  ],
};
