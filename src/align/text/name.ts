import { compact } from './compact.js';

/**
 * What a power name does to what: "对泄密案件的调查处理" → core 泄密案件, action 调查.
 * Lists at different levels wrap the same object in different frames (的处罚 / 的行政处罚,
 * 的监督检查 / 实施监督检查), so matching compares the core and the action class apart.
 */
export interface NameParts {
  /** The compacted name, frame included. */
  full: string;
  /** The object of the power: the name without its 对…的 frame and action word. */
  core: string;
  /** The action class (处罚, 强制, 检查 …), when the name ends with a known action word. */
  action?: ActionClass;
  /** The action word as written, e.g. 行政处罚, 监督检查. */
  actionWord?: string;
}

export type ActionClass = '处罚' | '强制' | '检查' | '调查' | '审查' | '认定' | '许可' | '确认' | '奖励' | '征收' | '给付' | '裁决' | '备案';

/** Action words a name can end with, by class. Longer words are tried first. */
export const ACTION_WORDS: Readonly<Record<ActionClass, readonly string[]>> = {
  处罚: ['行政处罚', '处罚'],
  强制: ['行政强制措施', '行政强制', '强制措施', '收缴', '查封', '扣押'],
  检查: ['监督检查', '行政检查', '保密检查', '检查', '监督管理'],
  调查: ['调查处理', '核实处理', '查处'],
  审查: ['保密审查', '审查', '审核'],
  认定: ['资质认定', '资格认定', '认定'],
  许可: ['许可审批', '行政许可', '审批', '许可'],
  确认: ['密级鉴定', '鉴定', '保密确定', '定密', '确定', '确认'],
  奖励: ['奖励', '表彰'],
  征收: ['征收'],
  给付: ['给付'],
  裁决: ['裁决'],
  备案: ['备案'],
};

const BY_LENGTH: readonly (readonly [string, ActionClass])[] = Object.entries(ACTION_WORDS)
  .flatMap(([action, words]) => words.map((word) => [word, action as ActionClass] as const))
  .sort((a, b) => b[0].length - a[0].length);

/** Connectors between the object and the action: 对X的处罚, 对X实施监督检查, 对X进行检查. */
const CONNECTOR = /(?:的|实施|进行|开展|予以)$/;

/**
 * Splits a power name into its object and its action.
 *
 * @example nameParts('对保密工作的监督检查') // { full: '对保密工作的监督检查', core: '保密工作', action: '检查', actionWord: '监督检查' }
 */
export function nameParts(name: string): NameParts {
  const full = compact(name);
  let core = full;
  let action: ActionClass | undefined;
  let actionWord: string | undefined;
  for (const [word, cls] of BY_LENGTH) {
    if (full.length > word.length && full.endsWith(word)) {
      core = full.slice(0, -word.length);
      action = cls;
      actionWord = word;
      break;
    }
  }
  core = core.replace(CONNECTOR, '');
  if (core.startsWith('对') && core.length > 1) core = core.slice(1);
  if (core === '') core = full;
  return { full, core, ...(action ? { action, actionWord } : {}) };
}

/** The name a flowchart title stands for: "1.保密检查流程图（初审）" → "保密检查". */
export function sheetName(title: string): string {
  return title
    .replace(/^\s*[\d０-９]+\s*[.．、]\s*/, '')
    .replace(/[（(][^（）()]*[）)]\s*$/, '')
    .replace(/(?:运行)?流程图\s*$/, '')
    .trim();
}
