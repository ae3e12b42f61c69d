import type { HintEvent, TitleKind } from './types.js';

/**
 * Every pattern the extractor uses, as data: what it matches, and examples a test runs
 * against it (each example must match from its start, whole unless the pattern looks ahead
 * at what follows; each pattern must have one). Patterns read
 * the normalised text (ASCII digits and brackets, see normalize.ts).
 */
export interface CitationPattern {
  description: string;
  pattern: RegExp;
  examples: readonly string[];
}

const NUM = '[0-9零〇一二两三四五六七八九十百千]{1,8}';

export const PATTERNS = {
  title: {
    description: '书名号中的标题，两侧空白不计入标题',
    pattern: /《\s*([^《》\n\t|]{1,100}?)\s*》/y,
    examples: ['《中华人民共和国行政处罚法》', '《 商用密码管理条例 》', '《行政处罚决定书》'],
  },
  levelTag: {
    description: '标题前的效力层级标签',
    pattern: /【([^【】\n]{1,10})】\s*$/,
    examples: ['【法律】', '【规范性文件】 '],
  },
  context: {
    description: '指代上文法规的词：本法、本条例、该法……',
    pattern: /(本|该|上述|前述)(办法|条例|规定|细则|决定|规则|法)/y,
    examples: ['本法', '本条例', '本规定', '本办法', '该法'],
  },
  article: {
    description: '条（可带章、节前缀和“之一”）',
    pattern: new RegExp(`(?:第(${NUM})[章编]\\s*(?:第${NUM}节\\s*)?)?第(${NUM})条(?:之(${NUM}))?`, 'y'),
    examples: ['第五十四条', '第23条', '第四章第二十条', '第二章第一节第八条', '第二十条之一'],
  },
  paragraph: {
    description: '款',
    pattern: new RegExp(`\\s*第(${NUM})款`, 'y'),
    examples: ['第三款', ' 第2款'],
  },
  item: {
    description: '项，括号可有可无',
    pattern: new RegExp(`\\s*第?\\s*\\(\\s*(${NUM})\\s*\\)\\s*项|\\s*第(${NUM})项`, 'y'),
    examples: ['第(二)项', '(三)项', '第二项'],
  },
  listSeparator: {
    description: '并列多个条款的连接词',
    pattern: /\s*(?:以及|或者|[、,和及与或])\s*/y,
    examples: ['、', ',', '和', '以及', ' 或者 '],
  },
  rangeSeparator: {
    description: '条文范围：第X条至第Y条',
    pattern: /\s*(?:至|到|~|—|-)\s*/y,
    examples: ['至', ' 到 ', '~', '-'],
  },
  enumerator: {
    description: '依据单元格中开始一条依据的序号（行首，或空白后紧跟【《同N）',
    pattern: /(?<=^|\n)[ ]*\d{1,3}(?:-\d{1,3})?[.、]|(?<=\s)\d{1,3}(?:-\d{1,3})?[.、](?=\s*(?:【|《|同\s*\d))/g,
    examples: ['2-1.', '3.', '1、'],
  },
  provisionTag: {
    description: '后接书名号的效力层级标签：一条依据的开头，所引条文到此为止',
    pattern: /【[^【】\n]{1,10}】(?=\s*《)/g,
    examples: ['【法律】《', '【行政法规】 《'],
  },
  quoteLead: {
    description: '条款号与所引条文之间的冒号、空白和引号',
    pattern: /[ \n:]*“?/y,
    examples: [' ', ':“', ': '],
  },
  boundary: {
    description: '单元格之间的分隔（制表符、Markdown 表格竖线）：上下文不跨越',
    pattern: /[\t|]/g,
    examples: ['\t', '|'],
  },
  sentenceEnd: {
    description: '其后出现的条款号是同一法规的下一条（“……。第六十二条：……”）',
    pattern: /[。;:]\s*$/,
    examples: ['。', '; ', ':'],
  },
} as const satisfies Record<string, CitationPattern>;

/** Date in a note: 2010年4月29日, 二〇一〇年四月二十九日. */
export const DATE_PATTERN: CitationPattern = {
  description: '注释中的日期',
  pattern: /([0-9]{4}|[〇零一二三四五六七八九]{4})\s*年\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日/g,
  examples: ['2010年4月29日', '二〇一〇年四月二十九日', '2017年6月1日'],
};

/** A year without month and day, followed by what happened in it: 1996年主席令第六十三号公布. */
export const YEAR_PATTERN: CitationPattern = {
  description: '注释中只有年份的事件',
  pattern: /([0-9]{4})\s*年(?!\s*[0-9一二三四五六七八九十]{1,3}\s*月)/g,
  examples: ['1996年', '2011年'],
};

/** What a note says happened on a date, longest first so 起施行 is one word. */
export const HINT_EVENTS: ReadonlyArray<readonly [string, HintEvent]> = [
  ['起施行', 'effective'],
  ['施行', 'effective'],
  ['生效', 'effective'],
  ['通过', 'adopted'],
  ['修订', 'amended'],
  ['修正', 'amended'],
  ['修改', 'amended'],
  ['公布', 'promulgated'],
  ['发布', 'promulgated'],
  ['颁布', 'promulgated'],
  ['印发', 'promulgated'],
];

/**
 * The last word of a title says what it is. Longest suffix wins, so 通知书 is a form and
 * 通知 a normative document.
 */
export const TITLE_SUFFIXES: ReadonlyArray<readonly [string, TitleKind]> = [
  ['通知书', 'document'],
  ['决定书', 'document'],
  ['告知书', 'document'],
  ['申请书', 'document'],
  ['催告书', 'document'],
  ['申请表', 'document'],
  ['审批表', 'document'],
  ['登记表', 'document'],
  ['许可证', 'document'],
  ['合格证', 'document'],
  ['笔录', 'document'],
  ['清单', 'document'],
  ['回执', 'document'],
  ['书', 'document'],
  ['表', 'document'],
  ['证', 'document'],
  ['单', 'document'],
  ['函', 'document'],
  ['实施条例', 'law'],
  ['条例', 'law'],
  ['办法', 'law'],
  ['规定', 'law'],
  ['细则', 'law'],
  ['规则', 'law'],
  ['决定', 'law'],
  ['规程', 'law'],
  ['意见', 'law'],
  ['通知', 'law'],
  ['解释', 'law'],
  ['章程', 'law'],
  ['准则', 'law'],
  ['纲要', 'law'],
  ['法', 'law'],
];

/** The word a context word (本法, 本条例) and a title must share to refer to each other; longest first. */
export const KIND_WORDS = ['办法', '条例', '规定', '细则', '决定', '规则', '法'] as const;

/**
 * Characters that, right after a short title ending in 法, show it is part of a longer word
 * (保密法律法规, 执法人员): the short title is not cited there.
 */
export const ALIAS_BLOCKERS = '律规院人官定制庭典理学治务';
