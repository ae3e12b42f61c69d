import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { Command } from 'commander';
import { type ImportOptions, type ListHead, importFile, importNdjson } from '../../ingest/index.js';
import { EXIT, type Io, write } from '../io.js';
import { collectMap, oneOf, parseFrom } from '../options.js';
import { progressBar } from '../progress.js';
import { reportImportError } from '../report-error.js';

const OUTPUT_FORMATS = ['json', 'ndjson'] as const;

export function importCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('import')
    .description('把清单文件导入为统一数据模型，输出 JSON 或 NDJSON')
    .argument('<files...>', '清单文件')
    .option('--from <format>', '指定输入格式，跳过自动识别', parseFrom)
    .option('--format <format>', '输出格式：json 或 ndjson', oneOf(OUTPUT_FORMATS, '--format'), 'json')
    .option('-o, --output <file>', '写入文件而不是标准输出')
    .option('--map <列名=字段>', '纠正表头映射（可重复）', collectMap)
    .action(async (files: string[], options: { from?: ImportOptions['from']; format: 'json' | 'ndjson'; output?: string; map?: ImportOptions['map'] }) => {
      const out: Writable = options.output ? createWriteStream(options.output) : io.stdout;
      let code: number = EXIT.ok;
      if (options.format === 'json' && files.length > 1) await write(out, '[\n');
      for (const [index, file] of files.entries()) {
        const bar = progressBar(io, `导入 ${file}`);
        try {
          const fileCode = await emitList(out, file, options, index, files.length, bar.update);
          code = Math.max(code, fileCode);
        } catch (error) {
          code = Math.max(code, reportImportError(io, error));
        } finally {
          bar.stop();
        }
      }
      if (options.format === 'json' && files.length > 1) await write(out, '\n]\n');
      if (out !== io.stdout) await new Promise<void>((resolve) => out.end(resolve));
      setExit(code);
    });
}

async function emitList(
  out: Writable,
  file: string,
  options: { from?: ImportOptions['from']; format: 'json' | 'ndjson'; map?: ImportOptions['map'] },
  index: number,
  count: number,
  onProgress: (done: number, total: number) => void,
): Promise<number> {
  const importOptions = { ...(options.from ? { from: options.from } : {}), map: options.map ?? {}, onProgress };
  if (options.format === 'ndjson') {
    let last = '';
    for await (const lines of importNdjson(file, importOptions)) {
      await write(out, lines);
      last = lines;
    }
    return (JSON.parse(last) as ListHead).findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
  }
  const list = await importFile(file, importOptions);
  await write(out, `${index > 0 ? ',\n' : ''}${JSON.stringify(list, null, count > 1 ? undefined : 2)}${count > 1 ? '' : '\n'}`);
  return list.findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
}
