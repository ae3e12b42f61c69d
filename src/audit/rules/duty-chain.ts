import type { Duty, PowerTypeName } from '../../model/index.js';
import { defineRule } from '../rule.js';

/** One step a type's procedure cannot do without, and the words that show a list has it. */
interface ChainStep {
  step: string;
  words: readonly string[];
}

/**
 * The steps each type's procedure requires, from the law that sets the procedure. A step
 * counts as present when a duty's heading or text uses one of its words: lists often fold
 * 审查 into 决定 or 告知 into 听证, and that is not a gap.
 */
export const DUTY_CHAINS: Partial<Record<PowerTypeName, { law: string; steps: readonly ChainStep[] }>> = {
  行政处罚: {
    law: '《中华人民共和国行政处罚法》第五章',
    steps: [
      { step: '立案', words: ['立案'] },
      { step: '调查', words: ['调查', '取证'] },
      { step: '审查', words: ['审查', '审理', '审核'] },
      { step: '告知', words: ['告知'] },
      { step: '决定', words: ['决定'] },
      { step: '送达', words: ['送达'] },
      { step: '执行', words: ['执行'] },
    ],
  },
  行政许可: {
    law: '《中华人民共和国行政许可法》第四章、第六十一条',
    steps: [
      { step: '受理', words: ['受理'] },
      { step: '审查', words: ['审查', '审核', '核查'] },
      { step: '决定', words: ['决定'] },
      { step: '送达', words: ['送达', '颁发', '发放'] },
      { step: '监管', words: ['监管', '监督'] },
    ],
  },
  行政强制: {
    law: '《中华人民共和国行政强制法》第十八条、第三十五条',
    steps: [
      { step: '批准或决定', words: ['批准', '审批', '决定'] },
      { step: '执行', words: ['执行', '实施', '收缴', '查封', '扣押'] },
    ],
  },
  行政检查: {
    law: '行政检查的一般程序',
    steps: [
      { step: '检查', words: ['检查', '调查', '核查'] },
      { step: '处理', words: ['处理', '处置', '整改', '督促'] },
    ],
  },
};

function present(duties: readonly Duty[], step: ChainStep): boolean {
  return duties.some((d) => step.words.some((w) => d.heading.includes(w) || d.text.includes(w)));
}

export const dutyChain = defineRule<undefined, 'missing-step'>({
  id: 'duty-chain',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    docs: { description: '责任事项应覆盖该类权力法定程序的各个环节（如行政处罚的立案、调查、审查、告知、决定、送达、执行）' },
    messages: {
      'missing-step': '{type}事项的责任事项缺少“{step}”环节（{law}）',
    },
  },
  check(ctx) {
    for (const item of ctx.list.items) {
      const type = item.powerType.type;
      const chain = type ? DUTY_CHAINS[type] : undefined;
      const cell = item.duties;
      // An empty cell is required-fields' to report, a cut-off one cell-integrity's.
      if (!chain || !cell || cell.duties.length === 0 || cell.flags.includes('truncated')) continue;
      for (const step of chain.steps) {
        if (!present(cell.duties, step)) {
          ctx.report({ messageId: 'missing-step', item, field: 'duties', data: { type: type as string, step: step.step, law: chain.law } });
        }
      }
    }
  },
});
