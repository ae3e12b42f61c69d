import { Command } from 'commander';
import { type ImportOptions, type ListSummary, importFile, summarizeList } from '../../ingest/index.js';
import { FIELD_LABELS, type FieldName, placeText } from '../../model/index.js';
import { EXIT, type Io, write } from '../io.js';
import { collectMap, oneOf, parseFrom } from '../options.js';
import { progressBar } from '../progress.js';
import { reportImportError } from '../report-error.js';

export function inspectCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('inspect')
    .description('逐个文件打印导入摘要：事项按类型计数、责任事项、依据条款、未归类文字、警告和列映射')
    .argument('<files...>', '清单文件')
    .option('--from <format>', '指定输入格式，跳过自动识别', parseFrom)
    .option('--format <format>', '输出格式：text 或 json', oneOf(['text', 'json'] as const, '--format'), 'text')
    .option('--map <列名=字段>', '纠正表头映射（可重复）', collectMap)
    .action(async (files: string[], options: { from?: ImportOptions['from']; format: 'text' | 'json'; map?: ImportOptions['map'] }) => {
      let code: number = EXIT.ok;
      const summaries: ListSummary[] = [];
      for (const file of files) {
        const bar = progressBar(io, `读取 ${file}`);
        try {
          const list = await importFile(file, { ...(options.from ? { from: options.from } : {}), map: options.map ?? {}, onProgress: bar.update });
          bar.stop();
          const summary = summarizeList(list);
          summaries.push(summary);
          if (options.format === 'text') {
            await write(io.stdout, formatSummary(summary));
            for (const finding of list.findings.filter((f) => f.severity !== 'info')) {
              const where = placeText(finding.place, { file: false });
              await write(io.stdout, `    ${where ? `${where} ` : ''}${finding.message}\n`);
            }
          }
        } catch (error) {
          bar.stop();
          code = Math.max(code, reportImportError(io, error));
        }
      }
      if (options.format === 'json') await write(io.stdout, `${JSON.stringify(summaries, null, 2)}\n`);
      setExit(code);
    });
}

/** The Chinese text summary of one imported file. */
export function formatSummary(summary: ListSummary): string {
  const types = Object.entries(summary.byType)
    .map(([type, count]) => `${type} ${count}`)
    .join('，');
  const columns = summary.columns
    .map((c) => `${c.header}→${c.field ? (FIELD_LABELS[c.field as FieldName] ?? c.field) : '（未识别，原样保留）'}`)
    .join('，');
  const lines = [
    `${summary.file}（${summary.format}）`,
    `  标题：${summary.title ?? '（无）'}    部门：${summary.department ?? '（未知）'}`,
    `  事项：${summary.items} 项${types ? `（${types}）` : ''}`,
    `  责任事项：${summary.duties} 个步骤    依据条款：${summary.provisions} 条    流程图：${summary.processSheets} 张`,
    `  未归类文字：${summary.residue} 处    错误 ${summary.findings.error}，警告 ${summary.findings.warning}，提示 ${summary.findings.info}`,
    ...(columns ? [`  列映射：${columns}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}
