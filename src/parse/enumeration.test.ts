import { describe, expect, it } from 'vitest';
import { type SampleName, sampleText } from '../../test/helpers/samples.js';
import { parseEnumeration } from './enumeration.js';
import { enumerationProblems } from './testing/lossless.js';

/** Line `n` (1-based) of a sample, as the flowchart reader's step text holds it (one line, trimmed). */
function line(sample: SampleName, n: number): string {
  return (sampleText(sample).split('\n')[n - 1] ?? '').trim();
}

/** The stretch of a sample's line `n` from `from`, `length` characters long (whole: to the end). */
function excerpt(sample: SampleName, n: number, from: string, length?: number): string {
  const text = line(sample, n);
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`${sample} line ${n} no longer holds ${from}`);
  return text.slice(at, length === undefined ? undefined : at + length);
}

describe('parseEnumeration on the samples', () => {
  it.each<[string, string, string | undefined, string[]]>([
    [
      '002 line 236: a procedure after ：',
      line('flowchart', 236),
      '现场检查时如需采取责令停止使用或者登记保存等行政处置措施，程序如下：',
      ['1、', '2、', '3、'],
    ],
    ['002 line 224: a step that is a list from its first character', line('flowchart', 224), undefined, ['1、', '2、', '3、', '4、', '5、', '6、']],
    ['002 line 272: "1." then "2、", one numbering', line('flowchart', 272), undefined, ['1.', '2、']],
    [
      '003 line 18: 追责情形 after ： and a space',
      excerpt('liuzhou', 18, '下列情形的', 120),
      '下列情形的，行政机关及相关工作人员应承担相应责任：',
      ['1、', '2、', '3、', '4、'],
    ],
    [
      '001 line 216: a law’s （一）…（十三） after ：',
      excerpt('baomi', 216, '保密行政管理部门依法对下列'),
      '保密行政管理部门依法对下列情况进行检查：',
      ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）', '（八）', '（九）', '（十）', '（十一）', '（十二）', '（十三）'],
    ],
    ['001 line 129: a law’s list, with a sentence after it', excerpt('baomi', 129, '分别作出如下决定'), '分别作出如下决定：', ['（一）', '（二）', '（三）', '（四）']],
  ])('%s', (_what, text, preamble, labels) => {
    const list = parseEnumeration(text);
    expect(list.preamble).toBe(preamble);
    expect(list.parts.map((p) => p.label)).toEqual(labels);
    expect(enumerationProblems(text)).toEqual([]);
  });

  it('keeps each part’s text without its label, its terminator kept, and its span into the text', () => {
    const text = line('flowchart', 236);
    const [first, , last] = parseEnumeration(text).parts;
    expect(first?.text).toBe('保密行政管理部门向受检、机关单位发出行政处置通知书（内容包括泄密隐患具体情况、行政处置法律依据等）；');
    expect(last?.text).toBe('保密行政管理部门对登记保存的设备在现场或者专门场所进行技术检查，提取有关违规使用或者涉嫌泄密的原始证据，形成技术核查取证报告。');
    expect(text.slice(...(last?.span ?? [0, 0]))).toBe(last?.raw);
    expect(last?.span[1]).toBe(text.length);
  });

  it.each<[string, string]>([
    ['002 line 209: a range of days', line('flowchart', 209)],
    ['002 line 248: a number of days', line('flowchart', 248)],
    ['002 line 290: numbers inside a sentence', line('flowchart', 290)],
    ['003 line 6: a law quoted from its item （四）, not from the start of its list', excerpt('liuzhou', 6, '给予开除处分：（四）', 40)],
    ['items named by number', '对第1、2项所列事项进行检查；'],
    ['numbers listed after a colon', '依据文件：1、2号文件的规定办理。'],
    ['a date', '本规定自2020.1.1起施行；2.同上'],
    ['a decimal', '罚款：1.5倍以下；2.5倍以上'],
    ['one numbered part is no list', '程序如下：1、保密行政管理部门发出通知。'],
    ['a list that skips its first number', '程序如下：2、甲；3、乙。'],
    ['a list quoted in a title', '依照《关于：1、甲；2、乙的通知》办理'],
    ['a list quoted in quotation marks', '告知“程序如下：1、甲；2、乙”即可'],
  ])('%s: no list', (_what, text) => {
    expect(parseEnumeration(text)).toEqual({ parts: [] });
  });

  it('takes the first list a text holds: a second one numbered from 1 stays inside its last part', () => {
    expect(parseEnumeration('甲：1、乙；2、丙。丁：1、戊；2、己。').parts.map((p) => p.text)).toEqual(['乙；', '丙。丁：1、戊；2、己。']);
  });

  it('starts a list at a 1 on its own line, or after 。 or ；', () => {
    expect(parseEnumeration('检查程序\n1.听取介绍；\n2.选定对象。').parts.map((p) => p.label)).toEqual(['1.', '2.']);
    expect(parseEnumeration('按下列程序办理。1、受理；2、审查。').preamble).toBe('按下列程序办理。');
  });
});
