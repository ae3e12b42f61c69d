import { describe, expect, it } from 'vitest';
import { sampleInput } from '../../../test/helpers/samples.js';
import { FileResidue, ProcessSheet } from '../../model/index.js';
import type { ReadResult } from '../record.js';
import { flowchartTextReader } from './index.js';

const result = flowchartTextReader.read(sampleInput('flowchart'), {}) as ReadResult;
const [licence, inspection] = result.processSheets;
if (!licence || !inspection) throw new Error('the 002 sample no longer reads as two sheets');

const limit = (value: number, raw: string) => ({ value, unit: '工作日', raw });
const stepNamed = (sheet: ProcessSheet, name: string) => {
  const step = sheet.steps.find((s) => s.name === name);
  if (!step) throw new Error(`no step ${name}`);
  return step;
};

describe('flowchart-text reader on 刚察县 (002)', () => {
  it('reads two sheets, valid against the model, and nothing as records', () => {
    expect(result.processSheets.map((s) => s.title)).toEqual(['商用密码产品销售许可审批流程图（初审）', '保密检查流程图']);
    for (const sheet of result.processSheets) expect(ProcessSheet.safeParse(sheet).success).toBe(true);
    for (const residue of result.residue) expect(FileResidue.safeParse(residue).success).toBe(true);
    expect(result.records).toEqual([]);
    expect(licence.lines).toEqual({ firstLine: 7, lastLine: 160 });
    expect(inspection.lines).toEqual({ firstLine: 163, lastLine: 308 });
  });

  it('keeps the document title and the section headings as file residue', () => {
    expect(result.title).toBe('刚察县（机要局、密码管理局、保密办）责任清单');
    expect(result.residue.map((r) => [r.firstLine, r.reason, r.text])).toEqual([
      [2, '标题', '刚察县（机要局、密码管理局、保密办）责任清单'],
      [3, '章节标题', '一、行政权力运行流程图'],
      [5, '章节标题', '（一）行政审批流程图'],
      [161, '章节标题', '（二）行政检查流程图'],
    ]);
  });

  describe('商用密码产品销售许可审批流程图（初审）', () => {
    it('reads the head: category, time limits, address, office, phones, applicant', () => {
      expect(licence.category).toBe('行政许可');
      expect(licence.address).toBe('刚察县学苑路8号');
      expect(licence.office).toBe('刚察县密码管理局');
      expect(licence.statutoryLimit).toEqual(limit(45, '45个工作日'));
      expect(licence.promisedLimit).toEqual(limit(30, '30个工作日'));
      // Only the repeated line under the chart (line 160) states the 优化时限.
      expect(licence.optimizedLimit).toEqual(limit(15, '15个工作日'));
      expect(licence.phones).toEqual([
        { label: '服务电话', number: '0970-8652444', note: '县委机要局' },
        { label: '监督投诉电话', number: '0970-8652444', note: '县委机要局（密码管理局）' },
      ]);
      expect(licence.applicant).toBe('申请单位');
    });

    it('reads the 4 申请条件 and 5 提交材料, joined across the PDF line breaks', () => {
      expect(licence.conditions).toEqual([
        '有独立的法人资格',
        '有熟悉商用密码产品知识和承担售后服务的人员',
        '有完善的销售服务和安全保密管理制度',
        '有从事商用密码产品销售相适应的资金保障',
      ]);
      expect(licence.materials).toEqual([
        '《商用密码产品销售许可证申请表》（加盖单位印章）',
        '企业法人营业执照和税务登记证复印件',
        '安全保密制度和售后服务制度',
        '拟销售的商用密码产品型号证书复印件',
        '上述材料的PDF格式电子扫描文件',
      ]);
    });

    it('reads the boxes as steps in layout order', () => {
      expect(licence.steps.map((s) => s.name)).toEqual([
        '接收申请',
        '材料审查',
        '受理',
        '初审',
        '报送',
        '决定',
        '发《商用密码产品销售许可证》',
        '向社会公布',
        '发《不予行政许可决定书》',
        '国家密码管理局认为必要时，可以对申请单位进行现场考察',
        '发《行政许可申请不予受理通知书》',
        '当场或在5个工作日内一次告知需补正的全部内容',
        '发《行政许可申请受理通知书》',
        '将初审意见和全部申请材料报国家密码管理局',
      ]);
    });

    it('attaches each deadline box to the step it names', () => {
      const deadlines = licence.steps.filter((s) => s.deadline).map((s) => [s.name, s.deadline]);
      expect(deadlines).toEqual([
        ['初审', limit(5, '自受理申请之日起5个工作日内')],
        ['决定', limit(20, '自受理申请之日起20个工作日内')],
        ['发《商用密码产品销售许可证》', limit(10, '10个工作日内')],
        ['当场或在5个工作日内一次告知需补正的全部内容', limit(5, '当场或在5个工作日内')],
      ]);
      const decision = stepNamed(licence, '决定');
      expect(decision.text).toBe('决定\n自受理申请之日起20个工作日内作出是否批准的决定');
      expect(decision.lines).toEqual({ firstLine: 80, lastLine: 98 });
      expect(stepNamed(licence, '初审').text).toBe('初审\n自受理申请之日起5个工作日内完成初审，并形成初审意见');
      expect(stepNamed(licence, '发《商用密码产品销售许可证》').text).toBe('发《商用密码产品销售许可证》\n10个工作日内发证');
    });

    it('names the documents each step issues', () => {
      const documents = licence.steps.filter((s) => s.documents.length > 0).map((s) => s.documents);
      expect(documents).toEqual([['商用密码产品销售许可证'], ['不予行政许可决定书'], ['行政许可申请不予受理通知书'], ['行政许可申请受理通知书']]);
      expect(stepNamed(licence, '发《行政许可申请不予受理通知书》').lines).toEqual({ firstLine: 104, lastLine: 106 });
    });

    it('keeps arrow labels, organ names, the caption and the repeated limits as residue, with reasons', () => {
      const residue = licence.residue.map((r) => [r.text.replace(/\s+/g, ''), r.reason]);
      expect(residue).toEqual([
        ['材料不齐备或者不符合规定形式的', expect.stringContaining('分支条件')],
        ['不通过', expect.stringContaining('分支标记')],
        ['通过', expect.stringContaining('分支标记')],
        ['不批准', expect.stringContaining('分支标记')],
        ['批准', expect.stringContaining('分支标记')],
        ['省（自治区、直辖市）密码管理局', expect.stringContaining('机关名称')],
        ['国家密码管理局', expect.stringContaining('机关名称')],
        ['商用密码产品销售许可证审批程序', '图中的标题'],
        ['45个工作日', '重复的法定时限（与第11行相同）'],
        ['30个工作日', '重复的承诺时限（与第11行相同）'],
      ]);
    });
  });

  describe('保密检查流程图', () => {
    it('reads the head under its other labels (项目类型, 责任处室, 法定期限, 承诺期限)', () => {
      expect(inspection.category).toBe('行政检查');
      expect(inspection.address).toBe('刚察县学苑路8号');
      expect(inspection.office).toBe('保密办');
      expect(inspection.statutoryLimit).toEqual(limit(20, '20个工作日'));
      expect(inspection.promisedLimit).toEqual(limit(20, '20个工作日'));
      expect(inspection.optimizedLimit).toBeUndefined();
      expect(inspection.phones).toEqual([{ label: '服务电话', number: '0970-8652444' }]);
      expect(inspection.applicant).toBeUndefined();
      expect(inspection.conditions).toEqual([]);
      expect(inspection.materials).toEqual([]);
    });

    it('reads its 17 boxes as steps, one source line each', () => {
      expect(inspection.steps.map((s) => [s.lines.firstLine, s.name])).toEqual([
        [197, '保密行政管理部门制定工作方案和检查目录'],
        [203, '成立检查组，配备检查人员，明确职责分工'],
        [209, '一般情况：提前1-2个工作日发出书面通知'],
        [212, '特殊情况：检查当日口头通知，并由检查人员将书面通知交受检机关、单位'],
        [218, '下发检查通知'],
        [
          224,
          '1、听取受检机关、单位有关保密工作情况介绍；2、根据检查目录和工作要求选定具体检查对象；3、对检查对象进行检查，查阅有关保密工作材料、记录等资料，向有关人员了解相关情况；4、指出并纠正检查中发现的问题；5、汇总检查情况，填写检查情况登记表；6、向受检机关、单位通报检查意见，对检查中发现的问题提出整改要求',
        ],
        [230, '检查组现场检查'],
        [
          236,
          '现场检查时如需采取责令停止使用或者登记保存等行政处置措施，程序如下：1、保密行政管理部门向受检、机关单位发出行政处置通知书（内容包括泄密隐患具体情况、行政处置法律依据等）；2、对登记保存的设备和文件资料妥善保管，保持设备中存储信息的原始状态，不得对其进行改写、删除操作；3、保密行政管理部门对登记保存的设备在现场或者专门场所进行技术检查，提取有关违规使用或者涉嫌泄密的原始证据，形成技术核查取证报告',
        ],
        [242, '检查结束后的5个工作日内，检查组向组织检查的保密行政管理部门提交书面检查报告和原始记录材料'],
        [248, '检查结束后20个工作日内，保密行政管理部门视情向受检机关、单位出具检查意见'],
        [254, '需要整改的，明确整改内容和期限；对有违反保密法律法规行为的，提出处理建议'],
        [266, '存在严重泄密隐患或发生泄密事件'],
        [272, '1.保密行政管理部门适时组织复查，检查整改落实情况，提出反馈意见；2、保密行政管理部门在复查结束后10个工作日内，想受检机关、单位出具复查意见'],
        [284, '受检单位对检查（复查）意见有异议'],
        [
          290,
          '受检机关、单位书面向组织检查的保密行政管理部门提出异议，保密行政管理部门在接到异议报告后20个工作日内，对有关情况进行调查（核查），并向受检机关出具（核查）意见',
        ],
        [302, '对上级保密行政管理部门组织开展的保密检查，下级保密行政管理部门在检查结束后的20个工作日内报送书面检查报告'],
        [308, '保密检查结束后，保密行政管理部门及时整理有关工作材料，立卷归档'],
      ]);
      // The name drops the closing ；/。 the box ends with; the text keeps it.
      expect(inspection.steps[2]?.text).toBe('一般情况：提前1-2个工作日发出书面通知；');
      expect(stepNamed(inspection, '保密行政管理部门制定工作方案和检查目录').text).toBe('保密行政管理部门制定工作方案和检查目录');
      for (const step of inspection.steps) expect(step.lines.lastLine).toBe(step.lines.firstLine);
    });

    it('reads the deadline each box states, with what starts its clock', () => {
      const deadlines = inspection.steps.filter((s) => s.deadline).map((s) => [s.lines.firstLine, s.deadline]);
      expect(deadlines).toEqual([
        [209, { unit: '工作日', raw: '提前1-2个工作日' }],
        [242, limit(5, '检查结束后的5个工作日内')],
        [248, limit(20, '检查结束后20个工作日内')],
        [272, limit(10, '在复查结束后10个工作日内')],
        [290, limit(20, '在接到异议报告后20个工作日内')],
        [302, limit(20, '在检查结束后的20个工作日内')],
      ]);
    });

    it('keeps the branch labels, the repeated limits and the stray 县→州 note as residue', () => {
      expect(inspection.residue.map((r) => [r.text, r.reason])).toEqual([
        ['20个工作日', '重复的法定期限（与第168行相同）'],
        ['20个工作日', '重复的承诺期限（与第168行相同）'],
        ['县密码管理局接收材料报州密码管理局', expect.stringContaining('不是流程图方框')],
        ['是', expect.stringContaining('分支标记')],
        ['否', expect.stringContaining('分支标记')],
        ['否', expect.stringContaining('分支标记')],
      ]);
    });
  });

  it('residue spans point into the sheet text', () => {
    const text = sampleInput('flowchart').text;
    const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
    for (const sheet of result.processSheets) {
      const base = lineStarts[sheet.lines.firstLine - 1] ?? -1;
      for (const residue of sheet.residue) expect(text.slice(base + residue.span[0], base + residue.span[1])).toBe(residue.text);
    }
  });

  it('reports every piece of residue and the repeated fields as findings', () => {
    const boxes = result.processSheets.flatMap((s) => s.residue).filter((r) => !r.reason.startsWith('重复'));
    expect(result.findings.filter((f) => f.messageId === 'unplaced-box')).toHaveLength(boxes.length);
    expect(result.findings.filter((f) => f.messageId === 'field-repeated').map((f) => f.place.line)).toEqual([160, 160, 190, 190]);
    expect(result.findings.every((f) => f.place.file === sampleInput('flowchart').file)).toBe(true);
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('document structure', () => {
  const read = (text: string) => flowchartTextReader.read({ file: 'x.txt', bytes: new Uint8Array(), text }, {}) as ReadResult;

  it('takes only the first line as the title, and keeps other text before the first chart with a finding', () => {
    const doc = read('某县责任清单\n说明文字\n1.保密检查流程图\n项目类型：行政检查\n\n制定方案');
    expect(doc.title).toBe('某县责任清单');
    expect(doc.residue.map((r) => [r.firstLine, r.reason])).toEqual([
      [1, '标题'],
      [2, '流程图之外的文字'],
    ]);
    expect(doc.findings.map((f) => [f.messageId, f.place.line])).toEqual([['stray-line', 2]]);
    expect(read('一、流程图\n1.保密检查流程图\n制定方案').title).toBeNull();
  });

  it('reads a 流程图 heading with nothing under it as a section heading', () => {
    const doc = read('甲流程图\n乙流程图\n制定方案');
    expect(doc.processSheets.map((s) => s.title)).toEqual(['乙流程图']);
    expect(doc.residue.map((r) => [r.text, r.reason])).toEqual([['甲流程图', '章节标题']]);
  });

  it('warns about a chart without steps and a field written twice with different values', () => {
    const doc = read('1.许可流程图\n法定时限：20个工作日\n法定时限：30个工作日\n是');
    expect(doc.processSheets[0]?.statutoryLimit).toEqual({ value: 20, unit: '工作日', raw: '20个工作日' });
    expect(doc.processSheets[0]?.residue.map((r) => [r.text, r.reason])).toEqual([
      ['30个工作日', '与第2行不一致的法定时限'],
      ['是', '流程分支标记，无法确定它连接的步骤'],
    ]);
    expect(doc.findings.map((f) => [f.messageId, f.severity])).toEqual([
      ['field-conflict', 'warning'],
      ['unplaced-box', 'info'],
      ['no-steps', 'warning'],
    ]);
  });
});
