import { Command, InvalidArgumentError } from 'commander';
import { type AlignOptions, alignLists, alignmentXlsx, DEFAULT_MIN_SCORE, registryResolver, renderAlignmentText } from '../../align/index.js';
import { type ImportOptions, importFile } from '../../ingest/index.js';
import { readRegistry } from '../../law/registry/index.js';
import type { PowerList } from '../../model/index.js';
import { EXIT, type Io, write } from '../io.js';
import { writeOutput } from '../output.js';
import { collectMap, oneOf, parseFrom } from '../options.js';
import { reportImportError } from '../report-error.js';

const FORMATS = ['text', 'json', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

function parseScore(value: string): number {
  const score = Number(value);
  if (!Number.isFinite(score) || score < 0 || score > 1) throw new InvalidArgumentError(`--min-score 应为 0 到 1 之间的数，收到“${value}”`);
  return score;
}

interface AlignCommandOptions {
  format: Format;
  output?: string;
  minScore?: number;
  from?: ImportOptions['from'];
  map?: ImportOptions['map'];
  registry: boolean;
  laws?: string;
}

/** The registry's resolver, or undefined (titles compared as written) when it cannot be read. */
async function resolverFor(io: Io, options: AlignCommandOptions): Promise<AlignOptions['resolver']> {
  if (!options.registry) return undefined;
  try {
    const { registry, errors } = await (options.laws ? readRegistry(options.laws) : readRegistry());
    if (errors.length > 0) io.stderr.write(`警告：法规库有 ${errors.length} 个文件无效，已跳过（${errors.map((e) => e.message).join('；')}）\n`);
    return registryResolver(registry);
  } catch (error) {
    io.stderr.write(`警告：读不出法规库（${(error as Error).message}），改为按标题比较法规\n`);
    return undefined;
  }
}

/** `quanze align`: pairs the items of two or more lists that denote the same power and reports how they differ. */
export function alignCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('align')
    .description('比对两份或多份清单：配对同一权力事项，说明理由，列出未配对事项和配对事项之间的不一致')
    .argument('<lists...>', '清单文件（至少两份）')
    .option('--format <format>', '输出格式：text、json 或 xlsx', oneOf(FORMATS, '--format'), 'text')
    .option('-o, --output <file>', '写入文件而不是标准输出（xlsx 必须指定）')
    .option('--min-score <n>', `配对的最低得分，0–1（默认 ${DEFAULT_MIN_SCORE}）`, parseScore)
    .option('--laws <目录>', '法规库目录（默认内置 data/laws）')
    .option('--no-registry', '不用法规库，只按标题比较所引法规（不识别版本和条文对应）')
    .option('--from <format>', '指定输入格式，跳过自动识别', parseFrom)
    .option('--map <列名=字段>', '纠正表头映射（可重复）', collectMap)
    .action(async (files: string[], options: AlignCommandOptions) => {
      if (files.length < 2) {
        io.stderr.write('错误：至少需要两份清单才能比对\n');
        setExit(EXIT.usage);
        return;
      }
      if (options.format === 'xlsx' && !options.output) {
        io.stderr.write('错误：xlsx 格式请用 -o 指定输出文件\n');
        setExit(EXIT.usage);
        return;
      }
      const lists: PowerList[] = [];
      for (const file of files) {
        try {
          lists.push(await importFile(file, { ...(options.from ? { from: options.from } : {}), map: options.map ?? {} }));
        } catch (error) {
          setExit(reportImportError(io, error));
          return;
        }
      }
      const resolver = await resolverFor(io, options);
      const alignOptions: AlignOptions = { ...(options.minScore !== undefined ? { minScore: options.minScore } : {}), ...(resolver ? { resolver } : {}) };
      const alignment = alignLists(lists, alignOptions);
      if (options.format === 'xlsx') {
        await writeOutput(options.output as string, await alignmentXlsx(alignment));
        await write(io.stderr, `已写入 ${options.output}\n`);
      } else {
        const text = options.format === 'json' ? `${JSON.stringify(alignment, null, 2)}\n` : renderAlignmentText(alignment);
        if (options.output) await writeOutput(options.output, text);
        else await write(io.stdout, text);
      }
      setExit(EXIT.ok);
    });
}
