import { createHash } from 'node:crypto';
import {
  type AccountabilityCell,
  type DutyCell,
  type Finding,
  type Level,
  type PowerItem,
  type PowerList,
  type Provision,
  type ProvisionCell,
  type TextCell,
  toPowerType,
} from '../../model/index.js';

/**
 * Small factories for store tests: state only what differs from a plain item or list.
 *
 * @example powerList({ department: '自治区密码管理局', items: [item({ name: '对…的处罚' })] })
 */

export function textCell(text: string): TextCell {
  return { text, raw: text, flags: [] };
}

export function provision(title: string, text: string, article = 1): Provision {
  const raw = `《${title}》第${article}条 ${text}`;
  return { title, refs: [{ article, raw: `第${article}条` }], text, raw, span: [0, raw.length] };
}

export function provisionCell(text: string, provisions: Provision[] = []): ProvisionCell {
  return { ...textCell(text), provisions, residue: [] };
}

export function dutyCell(steps: readonly { name: string; text: string; documents?: string[] }[]): DutyCell {
  const text = steps.map((s, i) => `${i + 1}.${s.name}责任：${s.text}`).join('\n');
  let at = 0;
  const duties = steps.map((s, i) => {
    const raw = `${i + 1}.${s.name}责任：${s.text}`;
    const span: [number, number] = [at, at + raw.length];
    at += raw.length + 1;
    return { no: i + 1, name: s.name, heading: `${s.name}责任`, text: s.text, documents: s.documents ?? [], raw, span };
  });
  return { ...textCell(text), duties, residue: [] };
}

export function accountabilityCell(situations: readonly string[]): AccountabilityCell {
  const text = situations.map((s, i) => `${i + 1}.${s}`).join('\n');
  let at = 0;
  return {
    ...textCell(text),
    situations: situations.map((s, i) => {
      const raw = `${i + 1}.${s}`;
      const span: [number, number] = [at, at + raw.length];
      at += raw.length + 1;
      return { label: `${i + 1}.`, text: s, raw, span };
    }),
    residue: [],
  };
}

export interface ItemSpec {
  name?: string;
  seq?: string | null;
  type?: string;
  subItem?: string;
  subject?: string;
  office?: string;
  basis?: string | ProvisionCell;
  duties?: string | DutyCell;
  dutyBasis?: string;
  accountability?: string | AccountabilityCell;
  accountabilityBasis?: string;
  exemption?: string;
  record?: number;
  line?: number;
}

/** An item with a name and a type; everything else only when the spec names it. */
export function item(spec: ItemSpec = {}): PowerItem {
  const line = spec.line ?? (spec.record ?? 0) + 1;
  const out: PowerItem = {
    seq: spec.seq === undefined ? '1' : spec.seq,
    powerType: toPowerType(spec.type ?? '行政处罚'),
    name: textCell(spec.name ?? '对违反商用密码管理规定行为的处罚'),
    extra: {},
    provenance: { firstLine: line, lastLine: line, record: spec.record ?? 0, cells: [] },
  };
  if (spec.subItem !== undefined) out.subItem = textCell(spec.subItem);
  if (spec.subject !== undefined) out.subject = textCell(spec.subject);
  if (spec.office !== undefined) out.office = textCell(spec.office);
  if (spec.basis !== undefined) out.basis = typeof spec.basis === 'string' ? provisionCell(spec.basis) : spec.basis;
  if (spec.duties !== undefined) out.duties = typeof spec.duties === 'string' ? { ...textCell(spec.duties), duties: [], residue: [] } : spec.duties;
  if (spec.dutyBasis !== undefined) out.dutyBasis = { ...textCell(spec.dutyBasis), entries: [], residue: [] };
  if (spec.accountability !== undefined) {
    out.accountability =
      typeof spec.accountability === 'string' ? { ...textCell(spec.accountability), situations: [], residue: [] } : spec.accountability;
  }
  if (spec.accountabilityBasis !== undefined) out.accountabilityBasis = provisionCell(spec.accountabilityBasis);
  if (spec.exemption !== undefined) out.exemption = textCell(spec.exemption);
  return out;
}

export interface ListSpec {
  title?: string | null;
  department?: string | null;
  region?: string | null;
  level?: Level | null;
  file?: string;
  items?: PowerItem[];
  findings?: Finding[];
}

/** A list whose source hash follows its content, as a real file's would. */
export function powerList(spec: ListSpec = {}): PowerList {
  const items = spec.items ?? [item()];
  const body = JSON.stringify([spec.title, spec.department, items]);
  return {
    schemaVersion: 1,
    title: spec.title === undefined ? '权责清单' : spec.title,
    department: spec.department === undefined ? '自治区密码管理局' : spec.department,
    region: spec.region ?? null,
    level: spec.level === undefined ? '省级' : spec.level,
    source: {
      file: spec.file ?? 'list.txt',
      format: 'tab-records',
      sha256: createHash('sha256').update(body).digest('hex'),
      bytes: Buffer.byteLength(body),
    },
    columns: [{ header: '事项名称', field: 'name' }],
    items,
    processSheets: [],
    residue: [],
    findings: spec.findings ?? [],
  };
}

export function finding(spec: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'reader/truncated-cell',
    messageId: 'truncated',
    severity: 'warning',
    message: '单元格内容被截断',
    data: {},
    place: {},
    ...spec,
  };
}
