import type { Calendar, DayInfo } from '../calendar/calendar.js';
import { addDays, formatChineseDate, formatChineseDateWithWeekday } from '../calendar/civil-date.js';
import { CITATIONS, type Citation, formatCitation, formatCitations, shortLawName } from './citations.js';
import type { DeadlineExtension, DeadlinePart, DeadlinePause, DeadlineResult } from './compute-deadline.js';
import { findPauseKind } from './pause-kinds.js';
import { COUNTING_BASIS, type PeriodRule } from './rules.js';
import { UNIT_WORDS } from './unit-policy.js';

type Explained = Omit<DeadlineResult, 'explanation'>;

const MAX_SPECIAL_GROUPS = 6;

/** The Chinese explanation of a computed deadline, one sentence per step. */
export function explainDeadline(result: Explained, rule: PeriodRule, calendar: Calendar): string {
  const lines = [
    `${result.ruleSource === 'default' ? '未指定规则，按一般规则' : '适用规则'}：${rule.name}。${rule.basis.map(quoteOf).join('')}`,
    `自${formatChineseDate(result.from)}起算，起算日不计入。`,
    ...result.pauses.map((pause) => pauseLine(pause, result.parts[0]?.unit === 'workday' ? '个工作日' : '日')),
    ...result.extensions.map((extension) => extensionLine(extension, rule)),
    ...result.parts.flatMap((part, index) => partLines(part, index, rule, calendar)),
    `期限届满日为${formatChineseDateWithWeekday(result.due)}。`,
  ];
  if (result.provisionalYears.length > 0) {
    lines.push(
      `注意：${result.provisionalYears.join('、')}年的放假安排未收录（国务院尚未公布或尚未导入），该年仅按周六、周日休息推算，本结果为临时结果，公布后应重新计算。`,
    );
  }
  if (result.unverifiedYears.length > 0) {
    lines.push(`注意：${result.unverifiedYears.join('、')}年的放假安排标记为未核实。`);
  }
  for (const warning of result.warnings) lines.push(`提示：${warning}。`);
  return lines.join('');
}

function quoteOf(citation: Citation): string {
  if (citation.quote === null) return `${formatCitation(citation)}（未取得条文文本）。`;
  const mark = citation.quoteVerified ? '' : '（引文未核实）';
  return `${formatCitation(citation)}：“${citation.quote}”${mark}`;
}

function reasonLine(part: DeadlinePart, rule: PeriodRule): string {
  const [primary] = rule.basis;
  const where = `《${shortLawName(primary)}》`;
  const amount = `${part.amount}日`;
  const counting = part.unit === 'workday' ? '按工作日计算，不含法定节假日' : '按自然日计算';
  switch (part.reason) {
    case 'law-workdays':
      return `依${where}${CITATIONS.xuke82.article}，期限以工作日计算，不含法定节假日。`;
    case 'listed':
      return `依${where}${CITATIONS.chufa85.article}，${amount}属于“二日”“三日”“五日”“七日”之列，${counting}。`;
    case 'not-listed':
      return `${amount}不属于${where}${CITATIONS.chufa85.article}所列的“二日”“三日”“五日”“七日”，${counting}。`;
    case 'within-max':
      return `依${where}${CITATIONS.qiangzhi69.article}，${amount}属于十日以内期限，${counting}。`;
    case 'over-max':
      return `${amount}超过${where}${CITATIONS.qiangzhi69.article}所称十日以内期限，${counting}。`;
    case 'as-given':
      return '';
  }
}

function partLines(part: DeadlinePart, index: number, rule: PeriodRule, calendar: Calendar): string[] {
  const lines = [reasonLine(part, rule)];
  const total = `${part.amount}${UNIT_WORDS[part.unit]}`;
  lines.push(index === 0 ? `共计${total}。` : `其后续行延长的${total}。`);
  if (part.unit === 'workday') lines.push(specialDaysLine(calendar.specialDaysBetween(addDays(part.start, 1), part.due)));
  if (part.clamped) {
    lines.push(`到期月没有对应日，以该月末日为期间最后一日（${formatCitation(CITATIONS.minfadian202)}，引文未核实）。`);
  }
  if (part.rolledFrom) {
    const day = calendar.dayInfo(part.rolledFrom);
    const why = day.kind === 'holiday' ? `${day.holiday}假期` : '休息日';
    const reference = rule.family === 'general' ? '依' : '参照';
    lines.push(
      `期间最后一日${formatChineseDateWithWeekday(part.rolledFrom)}为${why}，${reference}${formatCitation(COUNTING_BASIS)}，以其后第一个工作日为期间届满日。`,
    );
  }
  return lines.filter(Boolean);
}

/** "期间内：2025年10月1日至2025年10月8日国庆节、中秋节放假；2025年10月11日（星期六）调休上班。" */
function specialDaysLine(days: readonly DayInfo[]): string {
  const groups: string[] = [];
  let i = 0;
  while (i < days.length) {
    const day = days[i] as DayInfo;
    if (day.workday) {
      groups.push(`${formatChineseDateWithWeekday(day.date)}调休上班`);
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < days.length) {
      const next = days[j + 1] as DayInfo;
      if (next.workday || next.holiday !== day.holiday || next.date !== addDays((days[j] as DayInfo).date, 1)) break;
      j++;
    }
    const last = (days[j] as DayInfo).date;
    const span = last === day.date ? formatChineseDate(day.date) : `${formatChineseDate(day.date)}至${formatChineseDate(last)}`;
    groups.push(`${span}${day.holiday}放假`);
    i = j + 1;
  }
  if (groups.length === 0) return '';
  const shown = groups.slice(0, MAX_SPECIAL_GROUPS).join('；');
  return `期间内：${shown}${groups.length > MAX_SPECIAL_GROUPS ? '等' : ''}。`;
}

function pauseLine(pause: DeadlinePause, unitWord: string): string {
  const kind = findPauseKind(pause.kind);
  const span = `${formatChineseDate(pause.from)}至${formatChineseDate(pause.to)}`;
  const basis = kind && kind.basis.length > 0 ? `（依${formatCitations(kind.basis)}）` : '';
  const note = pause.note ? `（${pause.note}）` : '';
  switch (pause.status) {
    case 'applied':
      if (pause.effect === 'restart') {
        return `${span}${kind?.name ?? pause.kind}${note}，期限自${formatChineseDate(pause.to)}起重新计算${basis}。`;
      }
      return `${span}${kind?.name ?? pause.kind}${note}所需时间不计入期限${basis}，扣除${pause.excluded}${unitWord}。`;
    case 'late-notice': {
      const within = kind?.noticeWithin;
      const rule = within ? `（${formatCitations(within.basis)}）` : '';
      return `补正告知日${formatChineseDate(pause.from)}晚于${formatChineseDate(pause.noticeDeadline ?? pause.from)}${rule}，${within?.consequence ?? ''}，期限不因补正重新计算。`;
    }
    case 'before-start':
      return `${span}${kind?.name ?? pause.kind}在起算日之前，不影响期限。`;
    case 'overlapped':
      return `${span}${kind?.name ?? pause.kind}与前一中止重叠，不另行扣除。`;
    case 'after-due':
      return `${span}${kind?.name ?? pause.kind}开始时期限已届满，不影响期限。`;
  }
}

function extensionLine(extension: DeadlineExtension, rule: PeriodRule): string {
  const who = extension.approvedBy ? `${extension.approvedBy}批准` : (rule.extension?.approval ?? '批准');
  const when = extension.approvedOn ? `（${formatChineseDate(extension.approvedOn)}）` : '';
  const unit = UNIT_WORDS[extension.countedUnit];
  const basis = rule.extension ? `（依${formatCitation(rule.extension.basis)}）` : '';
  const note = extension.note ? `（${extension.note}）` : '';
  return `经${who}${when}延长${extension.amount}${unit}${basis}${note}。`;
}
