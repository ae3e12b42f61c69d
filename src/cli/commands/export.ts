import { basename, extname } from 'node:path';
import { Command } from 'commander';
import { EXPORT_FORMATS, type ExportFormat, exportList, exportNotes } from '../../export/index.js';
import { type ImportOptions, importFile } from '../../ingest/index.js';
import { EXIT, type Io, write } from '../io.js';
import { writeOutput } from '../output.js';
import { collectMap, oneOf, parseFrom } from '../options.js';
import { progressBar } from '../progress.js';
import { reportImportError } from '../report-error.js';

interface ExportCommandOptions {
  to: ExportFormat;
  output?: string;
  from?: ImportOptions['from'];
  map?: ImportOptions['map'];
}

/** The default output: the input's name with the format's extension, in the current folder. */
export function defaultOutput(input: string, format: ExportFormat): string {
  return `${basename(input, extname(input))}.${format}`;
}

/** `quanze export <清单> --to xlsx|csv|md|json [-o 输出]`: any readable list, written in one format. */
export function exportCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('export')
    .description('把任意可读格式的清单导出为 XLSX（正式清单版式）、CSV（UTF-8 带 BOM）、Markdown 或 JSON')
    .argument('<list>', '清单文件（文本、XLSX、DOCX、PDF、HTML、CSV、JSON 等）')
    .requiredOption('--to <format>', `导出格式：${EXPORT_FORMATS.join('、')}`, oneOf(EXPORT_FORMATS, '--to'))
    .option('-o, --output <file>', '输出文件（默认：当前目录下同名文件；“-”表示标准输出）')
    .option('--from <format>', '指定输入格式，跳过自动识别', parseFrom)
    .option('--map <列名=字段>', '纠正表头映射（可重复）', collectMap)
    .action(async (file: string, options: ExportCommandOptions) => {
      const bar = progressBar(io, `读取 ${file}`);
      let list: Awaited<ReturnType<typeof importFile>>;
      try {
        list = await importFile(file, { ...(options.from ? { from: options.from } : {}), map: options.map ?? {}, onProgress: bar.update });
      } catch (error) {
        setExit(reportImportError(io, error));
        return;
      } finally {
        bar.stop();
      }
      const bytes = await exportList(list, options.to);
      const output = options.output ?? defaultOutput(file, options.to);
      if (output === '-') {
        if (options.to === 'xlsx') {
          io.stderr.write('错误：XLSX 是二进制文件，不能写到标准输出，请用 -o 指定文件\n');
          setExit(EXIT.usage);
          return;
        }
        await write(io.stdout, new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
      } else {
        await writeOutput(output, bytes);
        io.stderr.write(`已导出 ${list.items.length} 项事项${list.processSheets.length ? `、${list.processSheets.length} 张流程图` : ''}到 ${output}\n`);
      }
      for (const note of exportNotes(list, options.to)) io.stderr.write(`注意：${note}\n`);
      setExit(EXIT.ok);
    });
}
