import { describe, expect, it } from 'vitest';
import { nameParts, sheetName } from './name.js';

describe('nameParts', () => {
  it.each([
    { name: '对保密工作的监督检查', core: '保密工作', action: '检查', word: '监督检查' },
    { name: '对泄密案件的调查处理', core: '泄密案件', action: '调查', word: '调查处理' },
    { name: '对非法获取、持有国家秘密载体的处罚', core: '非法获取持有国家秘密载体', action: '处罚', word: '处罚' },
    { name: '对非法获取、持有国家秘密载体的行政强制', core: '非法获取持有国家秘密载体', action: '强制', word: '行政强制' },
    { name: '对制作、复制、发布、传播非法信息的行政处罚', core: '制作复制发布传播非法信息', action: '处罚', word: '行政处罚' },
    { name: '对互联网新闻信息服务活动实施监督检查', core: '互联网新闻信息服务活动', action: '检查', word: '监督检查' },
    { name: '涉密信息系统投入使用前的保密审查', core: '涉密信息系统投入使用前', action: '审查', word: '保密审查' },
    { name: '国家秘密载体制作、复制、维修、销毁资质认定', core: '国家秘密载体制作复制维修销毁', action: '认定', word: '资质认定' },
    { name: '对商用密码领域违法行为举报的核实、处理', core: '商用密码领域违法行为举报', action: '调查', word: '核实处理' },
    { name: '对中央国家机关以外的机关、单位拟定的机密级、秘密级不明确事项的定密', core: '中央国家机关以外的机关单位拟定的机密级秘密级不明确事项', action: '确认', word: '定密' },
    { name: '要求互联网及其他公共信息网络运营商、服务商删除涉及泄露国家秘密的信息', core: '要求互联网及其他公共信息网络运营商服务商删除涉及泄露国家秘密的信息' },
    { name: '处罚', core: '处罚' },
    { name: '对 保密工作 的 监督检查 ', core: '保密工作', action: '检查', word: '监督检查' },
  ])('$name', ({ name, core, action, word }) => {
    const parts = nameParts(name);
    expect(parts.core).toBe(core);
    expect(parts.action).toBe(action);
    expect(parts.actionWord).toBe(word);
  });
});

describe('sheetName', () => {
  it.each([
    { title: '1.商用密码产品销售许可审批流程图（初审）', name: '商用密码产品销售许可审批' },
    { title: '保密检查流程图', name: '保密检查' },
    { title: '行政处罚运行流程图', name: '行政处罚' },
  ])('$title', ({ title, name }) => {
    expect(sheetName(title)).toBe(name);
  });
});
