/**
 * The provisions the period rules apply, each with the exact sentence it rests on.
 * A quote marked verified was copied from the saved law texts (shared reference,
 * LawRefBook/Laws @ 2f4c5c2) and is checked against fixtures/articles.txt by the tests;
 * an unverified one says why.
 */
export interface Citation {
  /** Full title, 中华人民共和国行政许可法. */
  readonly law: string;
  /** Date of the version quoted (its latest amendment). */
  readonly version: string | null;
  /** 第八十二条 */
  readonly article: string;
  /** 第一款第（四）项, when the rule rests on part of the article. */
  readonly part?: string;
  /** The sentence(s) applied, verbatim; null when no text could be read. */
  readonly quote: string | null;
  readonly quoteVerified: boolean;
  readonly note?: string;
}

const REFERENCE = 'reference/laws/texts（LawRefBook/Laws @ 2f4c5c2）';

const XUKE = '中华人民共和国行政许可法';
const CHUFA = '中华人民共和国行政处罚法';
const QIANGZHI = '中华人民共和国行政强制法';
const MINSU = '中华人民共和国民事诉讼法';
const MINFADIAN = '中华人民共和国民法典';

const verified = (law: string, version: string, article: string, quote: string, part?: string): Citation => ({
  law,
  version,
  article,
  ...(part ? { part } : {}),
  quote,
  quoteVerified: true,
  note: `引文据${REFERENCE}核对`,
});

export const CITATIONS = {
  xuke32item4: verified(
    XUKE,
    '2019-04-23',
    '第三十二条',
    '申请材料不齐全或者不符合法定形式的，应当当场或者在五日内一次告知申请人需要补正的全部内容，逾期不告知的，自收到申请材料之日起即为受理；',
    '第一款第（四）项',
  ),
  xuke32item5: verified(
    XUKE,
    '2019-04-23',
    '第三十二条',
    '申请事项属于本行政机关职权范围，申请材料齐全、符合法定形式，或者申请人按照本行政机关的要求提交全部补正申请材料的，应当受理行政许可申请。',
    '第一款第（五）项',
  ),
  xuke42: verified(
    XUKE,
    '2019-04-23',
    '第四十二条',
    '除可以当场作出行政许可决定的外，行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定。二十日内不能作出决定的，经本行政机关负责人批准，可以延长十日，并应当将延长期限的理由告知申请人。但是，法律、法规另有规定的，依照其规定。',
    '第一款',
  ),
  xuke42joint: verified(
    XUKE,
    '2019-04-23',
    '第四十二条',
    '依照本法第二十六条的规定，行政许可采取统一办理或者联合办理、集中办理的，办理的时间不得超过四十五日；四十五日内不能办结的，经本级人民政府负责人批准，可以延长十五日，并应当将延长期限的理由告知申请人。',
    '第二款',
  ),
  xuke45: verified(
    XUKE,
    '2019-04-23',
    '第四十五条',
    '行政机关作出行政许可决定，依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在本节规定的期限内。行政机关应当将所需时间书面告知申请人。',
  ),
  xuke82: verified(XUKE, '2019-04-23', '第八十二条', '本法规定的行政机关实施行政许可的期限以工作日计算，不含法定节假日。'),
  chufa60: verified(
    CHUFA,
    '2021-01-22',
    '第六十条',
    '行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定。法律、法规、规章另有规定的，从其规定。',
  ),
  chufa85: verified(CHUFA, '2021-01-22', '第八十五条', '本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日。'),
  qiangzhi69: verified(QIANGZHI, '2011-06-30', '第六十九条', '本法中十日以内期限的规定是指工作日，不含法定节假日。'),
  minsu85: verified(
    MINSU,
    '2023-09-01',
    '第八十五条',
    '期间以时、日、月、年计算。期间开始的时和日，不计算在期间内。期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期。',
    '第二款、第三款',
  ),
  minfadian202: {
    law: MINFADIAN,
    version: null,
    article: '第二百零二条',
    quote: '按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日。',
    quoteVerified: false,
    note: '民法典不在项目参考文本中；引文据公开转录，未与官方文本核对。《民事诉讼法》第八十五条未规定月的对应日。',
  },
} as const satisfies Record<string, Citation>;

export type CitationId = keyof typeof CITATIONS;

/** 《中华人民共和国行政许可法》第四十二条第一款 */
export function formatCitation(citation: Citation): string {
  return `《${citation.law}》${citation.article}${citation.part ?? ''}`;
}

/** 《中华人民共和国行政许可法》第三十二条、第四十二条: the title once per run of the same law. */
export function formatCitations(citations: readonly Citation[]): string {
  return citations
    .map((citation, i) =>
      citations[i - 1]?.law === citation.law ? `${citation.article}${citation.part ?? ''}` : formatCitation(citation),
    )
    .join('、');
}

/** Short law name for running text: 行政许可法. */
export function shortLawName(citation: Citation): string {
  return citation.law.replace(/^中华人民共和国/, '');
}
