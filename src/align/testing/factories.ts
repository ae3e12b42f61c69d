import { type PowerItem, type PowerList, type Provision, type TextCell, toPowerType } from '../../model/index.js';

/** What a test states about an item, in the Chinese field names lists use. */
export interface ItemSpec {
  序号?: string | null;
  权力类型?: string;
  事项名称?: string;
  子项?: string;
  实施依据?: readonly ProvisionSpec[];
  责任事项?: readonly string[];
  备注?: string;
  地方权力编码?: string;
  truncatedDuties?: boolean;
}

/** 《title》（note）第N条 text, as a parsed provision. */
export interface ProvisionSpec {
  title?: string;
  note?: string;
  articles?: readonly number[];
  text?: string;
}

export function cell(text: string, flags: TextCell['flags'] = []): TextCell {
  return { text, raw: text, flags };
}

export function provision(spec: ProvisionSpec): Provision {
  const raw = `${spec.title ? `《${spec.title}》` : ''}${spec.note ? `（${spec.note}）` : ''}${(spec.articles ?? []).map((a) => `第${a}条`).join('')}${spec.text ?? ''}`;
  return {
    ...(spec.title ? { title: spec.title } : {}),
    ...(spec.note ? { note: spec.note } : {}),
    refs: (spec.articles ?? []).map((article) => ({ article, raw: `第${article}条` })),
    text: spec.text ?? '',
    raw,
    span: [0, raw.length],
  };
}

/**
 * A PowerItem with defaults for everything a test does not state.
 *
 * @example item({ 事项名称: '对保密工作的监督检查', 权力类型: '行政检查' })
 */
export function item(spec: ItemSpec = {}): PowerItem {
  const provisions = (spec.实施依据 ?? []).map(provision);
  const basisText = provisions.map((p) => p.raw).join('\n');
  const duties = (spec.责任事项 ?? []).map((name, i) => {
    const raw = `${i + 1}.${name}责任：${name}。`;
    return { no: i + 1, name, heading: `${name}责任`, text: `${name}。`, documents: [], raw, span: [0, raw.length] as [number, number] };
  });
  const dutiesText = duties.map((d) => d.raw).join('\n');
  return {
    seq: spec.序号 === undefined ? '1' : spec.序号,
    powerType: toPowerType(spec.权力类型 ?? '行政检查'),
    name: cell(spec.事项名称 ?? '对保密工作的监督检查'),
    ...(spec.子项 ? { subItem: cell(spec.子项) } : {}),
    ...(provisions.length > 0 ? { basis: { ...cell(basisText), provisions, residue: [] } } : {}),
    ...(duties.length > 0 ? { duties: { ...cell(dutiesText, spec.truncatedDuties ? ['truncated'] : []), duties, residue: [] } } : {}),
    ...(spec.备注 ? { remark: cell(spec.备注) } : {}),
    ...(spec.地方权力编码 ? { localCode: { raw: spec.地方权力编码, undocumented: [] } } : {}),
    extra: {},
    provenance: { firstLine: 1, lastLine: 1, record: 0, cells: [] },
  };
}

/** A list holding the given items, with a department name for messages. */
export function list(items: readonly PowerItem[], department = '测试局'): PowerList {
  return {
    schemaVersion: 1,
    title: `${department}权责清单`,
    department,
    region: null,
    level: null,
    source: { file: `${department}.txt`, format: 'json', sha256: '0'.repeat(64), bytes: 0 },
    columns: [],
    items: [...items],
    processSheets: [],
    residue: [],
    findings: [],
  };
}
