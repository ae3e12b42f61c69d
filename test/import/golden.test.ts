import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/index.js';
import type { PowerItem, PowerList } from '../../src/model/index.js';
import { type SampleName, samplePath } from '../helpers/samples.js';

/** Golden tests: item counts counted by reading the files, and several items compared field by field. */
const lists = {} as Record<SampleName, PowerList>;
beforeAll(async () => {
  for (const name of ['mima', 'baomi', 'flowchart', 'liuzhou', 'liangzhou'] as const) lists[name] = await importFile(samplePath(name));
});
const item = (name: SampleName, index: number): PowerItem => {
  const found = lists[name].items[index];
  if (!found) throw new Error(`${name} has no item ${index}`);
  return found;
};
const articles = (cell: { provisions: { refs: { article: number }[] }[] } | undefined) => cell?.provisions.map((p) => p.refs.map((r) => r.article));

describe('item counts', () => {
  it.each([
    ['mima', 19],
    ['baomi', 13],
    ['flowchart', 0],
    ['liuzhou', 7],
    ['liangzhou', 14],
  ] as const)('%s has %i items', (name, count) => {
    expect(lists[name].items).toHaveLength(count);
  });

  it('the flowchart document has its two process sheets', () => {
    expect(lists.flowchart.processSheets).toHaveLength(2);
  });
});

describe('自治区密码管理局 (000) item 7: unnumbered, in a group with a merged 备注', () => {
  it('has every field as the file says', () => {
    const it7 = item('mima', 6);
    expect(it7.seq).toBeNull();
    expect(it7.impliedSeq).toBe(7);
    expect(it7.powerType).toEqual({ type: '行政处罚', raw: '行政处罚' });
    expect(it7.name.text).toBe('对违反政务活动中电子签名、电子印章、电子证照等涉及电子认证服务使用规定的处罚');
    expect(it7.subItem?.flags).toContain('empty');
    expect(it7.subject?.text).toBe('自治区密码管理局');
    expect(it7.office?.text).toBe('商用密码管理处');
    expect(it7.basis?.provisions.map((p) => [p.label, p.level, p.title])).toEqual([
      ['1.', '法律', '中华人民共和国密码法'],
      ['2.', '法律', '中华人民共和国密码法'],
      ['3.', '行政法规', '商用密码管理条例'],
    ]);
    expect(articles(it7.basis)).toEqual([[25], [35], [57]]);
    expect(it7.duties?.duties.map((d) => d.name)).toEqual(['立案', '调查', '审查', '告知', '决定', '送达', '执行', '公示', '其他']);
    expect(it7.duties?.duties.slice(0, 8).every((d) => d.unit === '商用密码管理处')).toBe(true);
    expect(it7.duties?.duties[8]?.unit).toBe('商用密码管理处及相关处室');
    expect(it7.duties?.duties[4]?.documents).toEqual(['行政处罚决定书']);
    expect(it7.dutyBasis?.entries.map((e) => [e.key, e.sameAs ?? null, e.provisions.flatMap((p) => p.refs.map((r) => r.article))])).toEqual([
      ['1', null, [54]],
      ['2-1', 1, []],
      ['2-2', null, [55]],
      ['3', null, [57]],
      ['4', null, [44]],
      ['5', 4, []],
      ['6', null, [61]],
      ['7', null, [66]],
      ['8', null, [39]],
    ]);
    expect(it7.accountability?.preamble).toBe('因不履行或不正确履行职责，有下列情形的行政机关及相关工作人员应承担相应的责任：');
    expect(it7.accountability?.situations).toHaveLength(9);
    expect(it7.accountability?.situations.every((s) => s.pursuer === '机关纪委')).toBe(true);
    expect(it7.accountabilityBasis?.provisions[0]).toMatchObject({ title: '中华人民共和国行政处罚法', refs: [{ article: 76 }] });
    // Lines 414–418 "2.同1。" … "6.同1。": references to entry 1, their text kept.
    expect(it7.accountabilityBasis?.provisions.map((p) => [p.label, p.sameAs ?? null, p.text === '同1。' ? p.text : articles({ provisions: [p] })?.[0]])).toEqual([
      ['1.', null, [76]],
      ['2.', 1, '同1。'],
      ['3.', 1, '同1。'],
      ['4.', 1, '同1。'],
      ['5.', 1, '同1。'],
      ['6.', 1, '同1。'],
      ['7.', null, [82]],
      ['8.', null, [83]],
    ]);
    expect(it7.exemption?.text).toBe('法律法规规定的免责情形及自治区党委、自治区人民政府有关文件中明确的免责情形。');
    expect(it7.remark?.text).toBe('市场监管部门会同密码管理部门对商用密码检测、认证机构及其活动实施监督管理，发现违法行为，依法予以处罚。');
    expect(it7.provenance).toMatchObject({ record: 6, firstLine: 362, lastLine: 421 });
  });

  it('item 6 shares that 备注, marked as merged', () => {
    expect(item('mima', 5).remark).toMatchObject({ text: item('mima', 6).remark?.text, flags: ['merged'] });
  });
});

describe('自治区国家保密局 (001) item 12: 责任事项依据 keyed on one line, "。4.同3。5.【"', () => {
  it('has every field as the file says', () => {
    const it12 = item('baomi', 11);
    expect(it12.impliedSeq).toBe(12);
    expect(it12.name.text).toBe('涉密信息系统投入使用前的保密审查');
    expect(it12.office?.text).toBe('科学技术处');
    expect(it12.basis?.provisions.map((p) => [p.label, p.title, p.refs.map((r) => r.article)])).toEqual([
      ['1.', '中华人民共和国保守国家秘密法', [5]],
      ['2.', '中华人民共和国保守国家秘密法实施条例', [24]],
    ]);
    expect(it12.duties?.duties.map((d) => [d.no, d.name, d.unit ?? null])).toEqual([
      [1, '受理', '科学技术处'],
      [2, '测评', '测评中心'],
      [3, '审查', '科学技术处'],
      [4, '决定', '科学技术处'],
      [5, '送达', '科学技术处'],
      [6, '监管', '科学技术处'],
      [7, '其他', '有关处室'],
    ]);
    // Line 362 is one line: every key after the first follows a full stop with no space.
    expect(it12.dutyBasis?.entries.map((e) => [e.key, e.sameAs ?? null, e.provisions.flatMap((p) => p.refs.map((r) => r.article))])).toEqual([
      ['1', null, [14]],
      ['2-1', null, [6]],
      ['2-2', null, [20]],
      ['2-3', null, [21]],
      ['3', null, [24]],
      ['4', 3, []],
      ['5', null, [26]],
      ['6', null, [32]],
    ]);
    expect(it12.dutyBasis?.entries[4]?.text.endsWith('断开该系统与其他涉密信息系统的连接。')).toBe(true);
    expect(it12.dutyBasis?.residue).toEqual([]);
    expect(it12.accountability?.situations.map((s) => s.pursuer)).toEqual(['秘书处', '秘书处', '秘书处', '秘书处']);
    expect(it12.accountabilityBasis?.provisions.map((p) => [p.label, p.sameAs ?? null, p.refs.map((r) => r.article)])).toEqual([
      ['1.', null, [61, 62]],
      ['2.', 1, []],
      ['3.', 1, []],
    ]);
    expect(it12.provenance).toMatchObject({ firstLine: 349, lastLine: 371 });
  });
});

describe('自治区国家保密局 (001) item 13: empty 承办机构, trailing cells missing', () => {
  it('has every field as the file says', () => {
    const it13 = item('baomi', 12);
    expect(it13.impliedSeq).toBe(13);
    expect(it13.powerType.type).toBe('其他行政权力');
    expect(it13.name.text).toBe('要求互联网及其他公共信息网络运营商、服务商删除涉及泄露国家秘密的信息');
    expect(it13.subject?.text).toBe('自治区国家保密局');
    expect(it13.office).toMatchObject({ text: '', flags: ['empty'] });
    expect(it13.basis?.provisions[0]).toMatchObject({ level: '法律', title: '中华人民共和国保守国家秘密法' });
    expect(it13.duties?.duties.map((d) => [d.no, d.name])).toEqual([
      [1, '取得批准'],
      [2, '调查'],
      [3, '决定'],
      [4, '监督'],
      [5, '其他'],
    ]);
    expect(it13.dutyBasis?.entries.map((e) => e.key)).toEqual(['1', '2', '3', '4-1', '4-2']);
    expect(it13.accountability?.situations.map((s) => s.pursuer)).toEqual(['秘书处', '秘书处', '秘书处', '秘书处', '秘书处']);
    expect(it13.accountabilityBasis?.provisions.map((p) => [p.label, p.sameAs ?? null])).toEqual([
      ['1.', null],
      ['2.', 1],
      ['3.', null],
      ['4.', null],
    ]);
    expect(it13.exemption).toBeUndefined();
    expect(it13.remark).toBeUndefined();
    expect(lists.baomi.findings.find((f) => f.messageId === 'missing-cells')?.place.record).toBe(12);
  });
});

describe('柳州市国家保密局 (003) item 5: <p> cells, inline steps, cut off in the source', () => {
  it('has every field as the file says', () => {
    const it5 = item('liuzhou', 4);
    expect(it5.seq).toBe('5');
    expect(it5.powerType.type).toBe('行政检查');
    expect(it5.name.text).toBe('对泄密案件的调查处理');
    expect(it5.subject).toBeUndefined();
    expect(it5.basis?.flags).toContain('html');
    expect(it5.basis?.text.startsWith('【法规】《中华人民共和国保守国家秘密法实施条例》（国务院令646号）第三十五条')).toBe(true);
    expect(it5.basis?.provisions[0]).toMatchObject({ level: '法规', note: '国务院令646号', refs: [{ article: 35 }] });
    expect(it5.duties?.duties.map((d) => d.name)).toEqual(['调查', '处理', '监督', '其他']);
    expect(it5.accountability?.situations.map((s) => s.label)).toEqual(['1、', '2、', '3、', '4、', '5、', '6、']);
    expect(it5.accountabilityBasis?.flags).toContain('truncated');
    expect(it5.accountabilityBasis?.provisions[0]).toMatchObject({ title: '中华人民共和国行政处罚法', refs: [{ article: 55 }] });
    expect(it5.accountabilityBasis?.provisions.map((p) => [p.label, p.sameAs ?? null])).toEqual([
      ['1.', null],
      ['2.', 1],
      ['3.', 1],
      ['4.', 1],
      ['5.', 1],
      ['6.', null],
    ]);
    expect(it5.remark).toMatchObject({ text: '', flags: ['empty'] });
    expect(JSON.stringify(it5)).not.toMatch(/"text":"[^"]*<\/?p>/);
  });
});

describe('凉州区委网信办 (004) items 1 and 14: codes and levels', () => {
  it('item 14 has every field as the file says', () => {
    const it14 = item('liangzhou', 13);
    expect(it14.seq).toBe('14');
    expect(it14.powerType.type).toBe('其他行政权力');
    expect(it14.name.text).toBe('对互联网新闻信息服务活动实施监督检查');
    expect(it14.localCode).toMatchObject({ raw: '11620602MB198079204621046014000', creditCode: '11620602MB19807920', typeSegment: '10', itemNo: '014', subNo: '000' });
    expect(it14.subject?.text).toBe('凉州区互联网信息办公室');
    expect(it14.office?.text).toBe('网络监管组');
    expect(it14.serviceLevel?.text).toBe('县级');
    expect(it14.basis?.provisions[0]?.title).toBe('互联网新闻信息服务管理规定');
    expect(it14.duties?.duties[0]).toMatchObject({ no: 1, name: '监督检查' });
    expect(it14.provenance).toMatchObject({ firstLine: 56, lastLine: 56 });
  });

  it('item 1 names the documents its steps produce', () => {
    const it1 = item('liangzhou', 0);
    expect(it1.localCode?.typeSegment).toBe('02');
    expect(it1.duties?.duties[0]?.documents).toContain('案件来源登记表');
    expect(it1.basis?.provisions[0]?.title).toBe('中华人民共和国网络安全法');
  });

  it('the list knows its department and level', () => {
    expect(lists.liangzhou).toMatchObject({ department: '中共凉州区委网络安全和信息化办公室（区互联网信息办公室）', region: '凉州区', level: '县级' });
    expect(lists.liuzhou).toMatchObject({ department: '柳州市国家保密局', region: '柳州市', level: '市级' });
    expect(lists.mima).toMatchObject({ department: '自治区密码管理局', level: '省级' });
  });
});
