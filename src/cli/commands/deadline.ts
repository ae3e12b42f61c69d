import { Command, InvalidArgumentError } from 'commander';
import { findCalendarDir, isCalendarError, loadCalendar } from '../../workflow/calendar/index.js';
import { type DeadlineResult, computeDeadline, isPeriodError } from '../../workflow/periods/index.js';
import { EXIT, type Io, write } from '../io.js';
import { oneOf, positiveInt } from '../options.js';

const UNITS = ['workday', 'day', 'month'] as const;

/** `quanze deadline`: the due date of a period under a legal rule, through the working-day calendar. */
export function deadlineCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('deadline')
    .description('按工作日历和法定期间规则计算期限的截止日')
    .requiredOption('--from <日期>', '期间起算日（YYYY-MM-DD，当日不计入）')
    .option('--days <n>', '期间长度', positiveInt)
    .option('--unit <单位>', '单位：workday（工作日）、day（自然日）、month（月）', oneOf(UNITS, '--unit'))
    .option('--rule <规则>', '适用的期间规则（如 xingzheng-xuke-workdays、xingzheng-chufa-85）')
    .option('--calendar <目录>', '工作日历目录（默认内置 data/calendar）')
    .option('--format <format>', '输出格式：text 或 json', oneOf(['text', 'json'] as const, '--format'), 'text')
    .action(async (options: { from: string; days?: number; unit?: (typeof UNITS)[number]; rule?: string; calendar?: string; format: 'text' | 'json' }) => {
      try {
        const dir = options.calendar ?? findCalendarDir();
        if (!dir) throw new InvalidArgumentError('找不到工作日历目录 data/calendar，请用 --calendar 指定');
        const calendar = await loadCalendar(dir);
        const result = computeDeadline(
          {
            from: options.from,
            ...(options.days !== undefined ? { amount: options.days } : {}),
            ...(options.unit ? { unit: options.unit } : {}),
            ...(options.rule ? { rule: options.rule } : {}),
          },
          calendar,
        );
        await write(io.stdout, options.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatDeadline(result));
        setExit(EXIT.ok);
      } catch (error) {
        if (isPeriodError(error) || isCalendarError(error) || error instanceof InvalidArgumentError) {
          io.stderr.write(`错误：${error.message}\n`);
          setExit(EXIT.usage);
          return;
        }
        throw error;
      }
    });
}

function formatDeadline(result: DeadlineResult): string {
  const lines = [
    `截止日：${result.due}`,
    `适用规则：${result.rule.name}（${result.rule.law}${result.rule.article}）`,
    result.explanation,
    ...(result.provisional ? [`注意：${result.provisionalYears.join('、')}年的放假安排尚未公布，按周末推算，结果为暂定。`] : []),
    ...result.warnings.map((w) => `警告：${w}`),
  ];
  return `${lines.join('\n')}\n`;
}
