import { Command, InvalidArgumentError } from 'commander';
import { defaultDatabaseUrl } from '../../store/index.js';
import { findCalendarDir, loadCalendar } from '../../workflow/calendar/index.js';
import { isCaseError, openCaseStore, systemClock, type VerifyReport } from '../../workflow/cases/index.js';
import { EXIT, type Io, write } from '../io.js';
import { missingDatabase } from '../open-store.js';
import { oneOf } from '../options.js';

function parseHead(value: string): { seq: number; hash: string } {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError(`应写作“序号:摘要”（如 42:66c7f0…，摘要为 64 位十六进制），收到“${value}”`);
  return { seq: Number(m[1]), hash: m[2] as string };
}

function reportText(report: VerifyReport): string {
  const lines: string[] = [];
  if (report.firstBreak) {
    lines.push(`防篡改记录已被破坏：${report.firstBreak.message}`);
    lines.push(`  在此之前的 ${report.events} 条事件完好（至第 ${report.headSeq} 条）。`);
  } else {
    lines.push(`事件链完好：共 ${report.events} 条事件，SM3 摘要逐条相接。`);
    lines.push(`  链头：${report.headSeq}:${report.headHash}`);
    lines.push('  请另行保存链头，日后用 --expect-head 核对，可发现对末尾事件的删除。');
    if (report.mismatches.length > 0) {
      lines.push(`但有 ${report.mismatches.length} 处数据与事件记录不符：`);
      for (const m of report.mismatches) lines.push(`  ${m}`);
    } else {
      lines.push(`  ${report.cases} 件案件、${report.processes} 个流程定义版本与事件记录一致。`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `quanze audit verify`: walks the SM3 hash chain of case events; exit 1 naming the first bad event. */
export function auditCommand(io: Io, setExit: (code: number) => void): Command {
  const audit = new Command('audit')
    .description('核验案件事件的防篡改记录（SM3 摘要链）');
  audit
    .command('verify')
    .description('逐条核验事件链，并用事件重放核对每件案件和流程定义；发现篡改时退出码为 1')
    .option('--db [url]', '数据库：SQLite 文件路径或 postgres://…（不写则为默认数据库）')
    .option('--expect-head <序号:摘要>', '另行保存的链头，用于发现末尾事件被删除', parseHead)
    .option('--format <format>', '输出格式：text 或 json', oneOf(['text', 'json'] as const, '--format'), 'text')
    .action(async (o: { db?: string | true; expectHead?: { seq: number; hash: string }; format: 'text' | 'json' }) => {
      // An empty chain verifies: a mistyped path must not report an intact record.
      const missing = missingDatabase(typeof o.db === 'string' ? o.db : undefined);
      if (missing) {
        io.stderr.write(`错误：${missing}\n`);
        setExit(EXIT.input);
        return;
      }
      try {
        const dir = findCalendarDir();
        const cases = await openCaseStore(typeof o.db === 'string' ? o.db : defaultDatabaseUrl(), {
          clock: systemClock,
          ...(dir ? { calendar: await loadCalendar(dir) } : {}),
        });
        try {
          const report = await cases.verify(o.expectHead ? { expectHead: o.expectHead } : {});
          await write(io.stdout, o.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : reportText(report));
          setExit(report.ok ? EXIT.ok : EXIT.findings);
        } finally {
          await cases.disconnect();
        }
      } catch (error) {
        if (!isCaseError(error)) throw error;
        io.stderr.write(`错误：${error.message}\n`);
        setExit(EXIT.input);
      }
    });
  return audit;
}
