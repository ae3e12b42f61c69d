import { defineRule } from '../rule.js';

export const dutyBasisTarget = defineRule<undefined, 'no-step' | 'same-as-missing' | 'same-as-self'>({
  id: 'duty-basis-target',
  meta: {
    type: 'problem',
    severity: 'error',
    docs: { description: '责任事项依据的编号（1-1、同N）应指向存在的责任事项和依据' },
    messages: {
      'no-step': '责任事项依据“{key}”对应第{step}项责任事项，但责任事项只有{count}项',
      'same-as-missing': '责任事项依据“{key}”写“同{target}”，但没有第{target}项的依据',
      'same-as-self': '责任事项依据“{key}”写“同{target}”，指向了自己',
    },
  },
  check(ctx) {
    for (const item of ctx.list.items) {
      const duties = item.duties;
      const basis = item.dutyBasis;
      if (!duties || !basis || duties.duties.length === 0) continue;
      // A cut-off cell may have lost the steps or entries a key points at.
      if (duties.flags.includes('truncated') || basis.flags.includes('truncated')) continue;
      const steps = new Set(duties.duties.map((d) => d.no));
      const count = Math.max(...steps);
      const keyed = new Set(basis.entries.map((e) => e.step));
      for (const entry of basis.entries) {
        const data = { key: entry.key, step: entry.step, count };
        if (!steps.has(entry.step)) ctx.report({ messageId: 'no-step', item, field: 'dutyBasis', data });
        if (entry.sameAs === undefined) continue;
        const target = { key: entry.key, target: entry.sameAs };
        if (entry.sameAs === entry.step && entry.sub === undefined) ctx.report({ messageId: 'same-as-self', item, field: 'dutyBasis', data: target });
        else if (!keyed.has(entry.sameAs)) ctx.report({ messageId: 'same-as-missing', item, field: 'dutyBasis', data: target });
      }
    }
  },
});
