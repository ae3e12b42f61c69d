import { Command } from 'commander';
import { addCalendarYear, findCalendarDir, isCalendarError } from '../../workflow/calendar/index.js';
import { EXIT, type Io, write } from '../io.js';

/** `quanze calendar add <file>`: adds a year's official holiday arrangement to the working-day calendar. */
export function calendarCommand(io: Io, setExit: (code: number) => void): Command {
  const calendar = new Command('calendar').description('管理工作日历（国务院办公厅每年的节假日安排）');
  calendar
    .command('add')
    .description('校验并加入一年的节假日安排文件')
    .argument('<file>', '年度安排 JSON 文件（格式见 data/calendar/README.md）')
    .option('--calendar <目录>', '工作日历目录（默认内置 data/calendar）')
    .option('--replace', '替换已有的同一年份')
    .action(async (file: string, options: { calendar?: string; replace?: boolean }) => {
      try {
        const dir = options.calendar ?? findCalendarDir();
        if (!dir) throw new Error('找不到工作日历目录 data/calendar，请用 --calendar 指定');
        const result = await addCalendarYear(file, { dir, replace: options.replace ?? false });
        await write(
          io.stdout,
          `已${result.replaced ? '替换' : '加入'} ${result.year} 年：放假 ${result.offDays} 天，调休上班 ${result.makeupWorkdays} 天${result.verified ? '' : '（未核实）'} → ${result.path}\n${result.messages.map((m) => `  ${m}\n`).join('')}`,
        );
        setExit(EXIT.ok);
      } catch (error) {
        if (!isCalendarError(error) && !(error instanceof Error)) throw error;
        // The calendar speaks of its replace option; here it is --replace.
        const hint = isCalendarError(error) && error.code === 'year-exists' ? '（--replace）' : '';
        io.stderr.write(`错误：${(error as Error).message}${hint}\n`);
        setExit(EXIT.input);
      }
    });
  return calendar;
}
