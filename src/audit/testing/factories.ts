import { mapHeader, TAB_RECORD_HEADERS } from '../../ingest/index.js';
import type { PowerItem, PowerList } from '../../model/index.js';
import { toPowerItem } from '../../parse/power-item.js';

/**
 * Test support: lists and items built from cell text, through the same grammars the
 * importer uses. Each default is a complete, correct 行政处罚 item citing the laws in force,
 * so a test states only the cells it changes.
 */

export type Cells = Record<string, string>;

/** The 13 columns of the headerless samples (000, 001), in their order. */
export const DEFAULT_HEADERS = TAB_RECORD_HEADERS;

const PUNISHMENT_BASIS = [
  '1.【法律】《中华人民共和国行政处罚法》第五十四条 符合立案标准的，行政机关应当及时立案。',
  '2.【法律】《中华人民共和国行政处罚法》第五十五条 执法人员在调查或者进行检查时，应当主动向当事人或者有关人员出示执法证件。',
  '3.【法律】《中华人民共和国行政处罚法》第五十七条 调查终结，行政机关负责人应当对调查结果进行审查。',
  '4.【法律】《中华人民共和国行政处罚法》第四十四条 行政机关在作出行政处罚决定之前，应当告知当事人拟作出的行政处罚内容及事实、理由、依据。',
  '5.同3。',
  '6.【法律】《中华人民共和国行政处罚法》第六十一条 行政处罚决定书应当在宣告后当场交付当事人。',
  '7.【法律】《中华人民共和国行政处罚法》第六十六条 行政处罚决定依法作出后，当事人应当在行政处罚决定书载明的期限内，予以履行。',
].join('\n');

/** A correct 行政处罚 item, cell by cell. */
export const DEFAULT_CELLS: Readonly<Cells> = {
  序号: '1',
  权力类型: '行政处罚',
  事项名称: '对关键信息基础设施运营者未按要求使用商用密码的处罚',
  子项: '',
  实施主体: '某市密码管理局',
  承办机构: '商用密码管理科',
  实施依据:
    '【法律】《中华人民共和国密码法》第三十七条第一款 关键信息基础设施的运营者违反本法第二十七条第一款规定，未按照要求使用商用密码，或者未按照要求开展商用密码应用安全性评估的，由密码管理部门责令改正，给予警告。',
  责任事项: [
    '1.立案责任：对违法行为予以审查，决定是否立案。',
    '2.调查责任：调查收集与案件有关的证据。',
    '3.审查责任：对案件进行审查，提出处理意见。',
    '4.告知责任：告知当事人拟作出的处罚及其权利。',
    '5.决定责任：作出行政处罚决定。',
    '6.送达责任：送达行政处罚决定书。',
    '7.执行责任：监督当事人履行处罚决定。',
    '8.其他法律法规规章文件规定应履行的责任。',
  ].join('\n'),
  责任事项依据: PUNISHMENT_BASIS,
  追责情形: '1.没有法定的行政处罚依据的；\n2.违反法定的行政处罚程序的。',
  追责依据:
    '1.【法律】《中华人民共和国行政处罚法》第七十六条 行政机关实施行政处罚，有下列情形之一，由上级行政机关或者有关机关责令改正，对直接负责的主管人员和其他直接责任人员依法给予处分：（一）没有法定的行政处罚依据的；',
  免责情形: '',
  备注: '',
};

/** How many file lines each factory item takes, so that items have distinct lines. */
const LINES_PER_ITEM = 10;

/**
 * An item from cells: the defaults, overridden by `cells`. A cell set to undefined is
 * left out (as a record missing its trailing cells).
 *
 * @example item({ 权力类型: '行政许可' }, 2)
 */
export function item(cells: Partial<Record<string, string | undefined>> = {}, record = 0, headers: readonly string[] = DEFAULT_HEADERS): PowerItem {
  const merged: Record<string, string | undefined> = { ...DEFAULT_CELLS, ...cells };
  const firstLine = record * LINES_PER_ITEM + 1;
  const raw = headers.flatMap((header) => {
    const value = merged[header];
    return value === undefined ? [] : [{ header, raw: value, line: firstLine }];
  });
  const extra = Object.keys(cells).filter((h) => !headers.includes(h) && cells[h] !== undefined);
  for (const header of extra) raw.push({ header, raw: cells[header] as string, line: firstLine });
  return toPowerItem({ record, firstLine, lastLine: firstLine + LINES_PER_ITEM - 1, cells: raw }, { file: 'test.txt', fieldOf: (h) => mapHeader(h) }).item;
}

/**
 * A list of items, each given as the cells that differ from the defaults (or as an item).
 *
 * @example list([{}, { 事项名称: '对…的处罚' }], { headers: ['序号', '事项名称', '权力类型'] })
 */
export function list(items: ReadonlyArray<Partial<Record<string, string | undefined>> | PowerItem> = [{}], options: { headers?: readonly string[]; extra?: Partial<PowerList> } = {}): PowerList {
  const headers = options.headers ?? DEFAULT_HEADERS;
  const built = items.map((x, record) => ('provenance' in x ? (x as PowerItem) : item(x as Cells, record, headers)));
  return {
    schemaVersion: 1,
    title: '测试清单',
    department: '某市密码管理局',
    region: null,
    level: null,
    source: { file: 'test.txt', format: 'tab-records', sha256: '0'.repeat(64), bytes: 0 },
    columns: headers.map((header) => ({ header, field: mapHeader(header) })),
    items: built,
    processSheets: [],
    residue: [],
    findings: [],
    ...options.extra,
  };
}
