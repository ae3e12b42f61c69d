import { defineRule } from '../rule.js';

type Ids =
  | 'duties-without-basis'
  | 'step-without-basis'
  | 'accountability-without-basis'
  | 'no-duty-basis-column'
  | 'no-accountability-basis-column';

/** Steps that only say "and whatever else the law requires" need no basis of their own. */
const CATCH_ALL = '其他';

export const missingBasis = defineRule<undefined, Ids>({
  id: 'missing-basis',
  meta: {
    type: 'problem',
    severity: 'error',
    docs: { description: '责任事项和追责情形都应有依据：依据单元格不能为空，每个责任环节都应有对应的依据' },
    messages: {
      'duties-without-basis': '有{count}项责任事项，但责任事项依据为空',
      'step-without-basis': '第{step}项责任事项“{heading}”没有对应的责任事项依据',
      'accountability-without-basis': '有追责情形，但追责依据为空',
      'no-duty-basis-column': '清单没有“责任事项依据”列：{count}个事项的责任事项都没有写明依据',
      'no-accountability-basis-column': '清单没有“追责依据”列：{count}个事项的追责情形都没有写明依据',
    },
  },
  check(ctx) {
    const { list } = ctx;
    const hasColumn = (field: string) => list.columns.some((c) => c.field === field);
    const withDuties = list.items.filter((i) => (i.duties?.duties.length ?? 0) > 0);
    const withAccountability = list.items.filter((i) => (i.accountability?.text.trim() ?? '') !== '');
    if (withDuties.length > 0 && !hasColumn('dutyBasis')) {
      ctx.report({ messageId: 'no-duty-basis-column', data: { count: withDuties.length } });
    }
    if (withAccountability.length > 0 && !hasColumn('accountabilityBasis')) {
      ctx.report({ messageId: 'no-accountability-basis-column', data: { count: withAccountability.length } });
    }
    for (const item of withDuties) {
      if (!hasColumn('dutyBasis')) break;
      const duties = item.duties?.duties ?? [];
      const basis = item.dutyBasis;
      if (!basis || basis.text.trim() === '') {
        ctx.report({ messageId: 'duties-without-basis', item, field: 'dutyBasis', data: { count: duties.length } });
        continue;
      }
      // Entries a cut-off cell lost cannot be told from entries never written.
      if (basis.flags.includes('truncated') || item.duties?.flags.includes('truncated')) continue;
      // The cell grammar's keys: "3.", "2-1.", "…。4.同3。" after a full stop, a key broken over two lines ("2-⏎1.").
      const keyed = new Set(basis.entries.map((e) => e.step));
      for (const duty of duties) {
        if (duty.name === CATCH_ALL || keyed.has(duty.no)) continue;
        ctx.report({ messageId: 'step-without-basis', item, field: 'dutyBasis', atMost: 'warning', data: { step: duty.no, heading: duty.heading || duty.name } });
      }
    }
    if (!hasColumn('accountabilityBasis')) return;
    for (const item of withAccountability) {
      if ((item.accountabilityBasis?.text.trim() ?? '') === '') ctx.report({ messageId: 'accountability-without-basis', item, field: 'accountabilityBasis' });
    }
  },
});
