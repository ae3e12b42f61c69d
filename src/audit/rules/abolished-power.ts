import { effectivePhrase, type Law, type RemovedProvision, versionAt, versionById, versionLabel } from '../../law/index.js';
import { defineRule } from '../rule.js';

/** The name of the power a removed provision enabled, without its explanation in brackets or a leading verb. */
export function powerName(provision: Pick<RemovedProvision, 'enabledPower'>): string {
  return provision.enabledPower
    .replace(/[（(].*$/, '')
    .replace(/^(?:核发|批准|指定)/, '')
    .replace(/[《》]/g, '')
    .trim();
}

/** Powers abolished by a version in force on `today`, with the name to look for. */
function abolished(laws: readonly Law[], today: string) {
  const out: Array<{ law: Law; provision: RemovedProvision; name: string }> = [];
  for (const law of laws) {
    const now = versionAt(law, today);
    for (const provision of law.removedProvisions) {
      const removedIn = versionById(law, provision.removedIn);
      const name = powerName(provision);
      // Only names specific enough to be an item's: a short name would match unrelated items.
      if (!now || !removedIn || name.length < 6) continue;
      if (law.versions.indexOf(removedIn) <= law.versions.indexOf(now)) out.push({ law, provision, name });
    }
  }
  return out;
}

export const abolishedPower = defineRule<undefined, 'item' | 'process'>({
  id: 'abolished-power',
  meta: {
    type: 'problem',
    severity: 'error',
    docs: { description: '清单不应保留已随法规修订取消的权力事项或办理流程' },
    messages: {
      item: '事项“{name}”对应的“{power}”已随《{title}》{removedIn}取消（{effective}；原依据为{version}{article}）',
      process: '流程图“{name}”办理的“{power}”已随《{title}》{removedIn}取消（{effective}；原依据为{version}{article}）',
    },
  },
  check(ctx) {
    const powers = abolished(ctx.law.library.registry.laws, ctx.law.today);
    const dataFor = (entry: (typeof powers)[number], name: string) => {
      const removedIn = versionById(entry.law, entry.provision.removedIn);
      const version = versionById(entry.law, entry.provision.version);
      return {
        name,
        power: entry.name,
        title: entry.law.title,
        removedIn: removedIn ? versionLabel(removedIn) : entry.provision.removedIn,
        effective: removedIn ? effectivePhrase(removedIn) : '施行日期未记载',
        version: version ? versionLabel(version) : entry.provision.version,
        article: entry.provision.article,
      };
    };
    for (const item of ctx.list.items) {
      const name = `${item.name.text}${item.subItem?.text ?? ''}`;
      const hit = powers.find((p) => name.includes(p.name));
      if (hit) ctx.report({ messageId: 'item', item, field: 'name', unverified: !hit.provision.verified, data: dataFor(hit, item.name.text) });
    }
    for (const sheet of ctx.list.processSheets) {
      const hit = powers.find((p) => sheet.title.includes(p.name));
      if (hit) ctx.report({ messageId: 'process', line: sheet.lines.firstLine, unverified: !hit.provision.verified, data: dataFor(hit, sheet.title) });
    }
  },
});
