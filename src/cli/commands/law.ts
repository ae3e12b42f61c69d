import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { decodeText, isImportError } from '../../ingest/index.js';
import {
  addLawText,
  defaultRegistryDir,
  type Law,
  type LawVersion,
  loadRegistry,
  type Registry,
  RegistryError,
  versionLabel,
} from '../../law/index.js';
import { EXIT, type Io, write } from '../io.js';
import { oneOf } from '../options.js';

/** A fact's check mark and where it was read, as every line of `law show` ends. */
function fact(f: { source: string; verified: boolean; note?: string | undefined }): string {
  return `［${f.verified ? '已核实' : '未核实'}］（来源：${f.source}${f.note ? `；${f.note}` : ''}）`;
}

function findLaw(registry: Registry, idOrTitle: string): Law | undefined {
  return registry.getLaw(idOrTitle) ?? registry.findLaw(idOrTitle);
}

/** One line per law: id, title, level, status, versions and texts. */
export function formatLawList(registry: Registry): string {
  const lines = registry.laws.map((law) => {
    const texts = law.versions.filter((v) => v.textFile).length;
    const status = `${law.status.status}${law.status.verified ? '' : '（未核实）'}`;
    return `${law.id}  《${law.title}》  ${law.level}  ${status}  ${law.versions.length}个版本，${texts}个有正文`;
  });
  return `${lines.join('\n')}\n共 ${registry.laws.length} 部法规（${registry.dir}）\n`;
}

function versionLines(v: LawVersion): string[] {
  const out = [`  ${versionLabel(v)}（版本标识 ${v.id}）${fact(v)}`];
  if (v.title) out.push(`    标题：${v.title}`);
  if (v.adopted) out.push(`    通过：${v.adopted.date} ${fact(v.adopted)}`);
  if (v.promulgated) out.push(`    公布：${v.promulgated.date} ${fact(v.promulgated)}`);
  if (v.promulgatedBy) out.push(`    令号/文号：${v.promulgatedBy.raw}（${v.promulgatedBy.normalized}）${fact(v.promulgatedBy)}`);
  if (v.amendedBy) out.push(`    修改决定：${v.amendedBy.title} ${fact(v.amendedBy)}`);
  out.push(v.effective ? `    施行：${v.effective.date} ${fact(v.effective)}` : '    施行：未记载');
  if (v.articleCount) out.push(`    条数：${v.articleCount.value} ${fact(v.articleCount)}`);
  out.push(`    正文：${v.textFile ?? '法规库中没有（可用 quanze law add 导入）'}`);
  return out;
}

/** Every fact the registry holds about a law, in Chinese, each with its source and whether it was checked. */
export function formatLawDetail(law: Law): string {
  const out = [
    `《${law.title}》（${law.id}）${fact(law)}`,
    `简称：${law.aliases.join('、') || '无'}`,
    `制定机关：${law.issuingBody}    效力层级：${law.level}`,
    `状态：${law.status.status}（截至 ${law.status.asOf}）${law.status.replacedBy ? `，由 ${law.status.replacedBy} 取代` : ''}${law.status.repealed ? `，${law.status.repealed.date} 废止` : ''} ${fact(law.status)}`,
    '版本：',
    ...law.versions.flatMap(versionLines),
  ];
  if (law.renumbering.length > 0) {
    out.push('条文对应：');
    for (const r of law.renumbering) {
      const kind = r.identity ? '条文编号未变' : `${r.map.length}条对应${r.complete ? '（完整）' : ''}${r.added?.length ? `，新增${r.added.length}条` : ''}`;
      out.push(`  ${r.from} → ${r.to}：${kind} ${fact(r)}`);
    }
  }
  if (law.removedProvisions.length > 0) {
    out.push('删除的规定：');
    for (const p of law.removedProvisions) out.push(`  ${p.version} ${p.article} 于 ${p.removedIn} 删除：${p.enabledPower} ${fact(p)}`);
  }
  for (const note of law.notes ?? []) out.push(`说明：${note}`);
  return `${out.join('\n')}\n`;
}

function reportRegistryError(io: Io, error: unknown): number {
  if (error instanceof RegistryError) {
    io.stderr.write(`错误：${error.message}\n`);
    return EXIT.input;
  }
  throw error;
}

export function lawCommand(io: Io, setExit: (code: number) => void): Command {
  // Subcommands copy these when created: set them first so that `law add` without --law reports, not exits.
  const law = new Command('law')
    .description('法规库：查看法规的版本、日期、令号、条文对应及其来源，导入法规正文')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
  law
    .command('list')
    .description('列出法规库中的法规')
    .option('--dir <dir>', '法规库目录（默认为 data/laws）')
    .option('--format <format>', '输出格式：text 或 json', oneOf(['text', 'json'] as const, '--format'), 'text')
    .action(async (options: { dir?: string; format: 'text' | 'json' }) => {
      try {
        const registry = await loadRegistry(options.dir ?? defaultRegistryDir());
        await write(io.stdout, options.format === 'json' ? `${JSON.stringify(registry.laws, null, 2)}\n` : formatLawList(registry));
      } catch (error) {
        setExit(reportRegistryError(io, error));
      }
    });
  law
    .command('show')
    .description('显示一部法规的全部记载（每项事实注明来源和是否已核实）')
    .argument('<law>', '法规标识或标题（如 baoshou-guojia-mimi-fa、保密法）')
    .option('--dir <dir>', '法规库目录（默认为 data/laws）')
    .option('--format <format>', '输出格式：text 或 json', oneOf(['text', 'json'] as const, '--format'), 'text')
    .action(async (idOrTitle: string, options: { dir?: string; format: 'text' | 'json' }) => {
      try {
        const registry = await loadRegistry(options.dir ?? defaultRegistryDir());
        const found = findLaw(registry, idOrTitle);
        if (!found) {
          io.stderr.write(`错误：法规库中没有“${idOrTitle}”；用 quanze law list 查看已有的法规\n`);
          setExit(EXIT.usage);
          return;
        }
        await write(io.stdout, options.format === 'json' ? `${JSON.stringify(found, null, 2)}\n` : formatLawDetail(found));
      } catch (error) {
        setExit(reportRegistryError(io, error));
      }
    });
  law
    .command('add')
    .description('导入一部法规某个版本的正文（纯文本或 Markdown，每条以“第X条”开头），用于核对清单所引条文')
    .argument('<file>', '正文文件')
    .requiredOption('--law <law>', '法规标识或标题')
    .requiredOption('--version <version>', '版本标识（如 2024-02-27，见 quanze law show）')
    .option('--source <source>', '正文来源（默认为文件路径或文件中的 <!-- source: … --> 行）')
    .option('--dir <dir>', '法规库目录（默认为 data/laws）')
    .action(async (file: string, options: { law: string; version: string; source?: string; dir?: string }) => {
      const dir = options.dir ?? defaultRegistryDir();
      try {
        const registry = await loadRegistry(dir);
        const found = findLaw(registry, options.law);
        if (!found) {
          io.stderr.write(`错误：法规库中没有“${options.law}”；用 quanze law list 查看已有的法规\n`);
          setExit(EXIT.usage);
          return;
        }
        let bytes: Uint8Array;
        try {
          bytes = await readFile(file);
        } catch {
          io.stderr.write(`错误：无法读取 ${file}\n`);
          setExit(EXIT.input);
          return;
        }
        // A law's text copied into Notepad on a Chinese Windows is GBK (or UTF-16): decoded as
        // the list importer decodes, never as UTF-8 with replacement characters.
        let text: string;
        try {
          text = decodeText(bytes, file).text;
        } catch (error) {
          if (!isImportError(error)) throw error;
          io.stderr.write(`错误：${error.message}\n`);
          setExit(EXIT.input);
          return;
        }
        const source = options.source ?? (/<!--\s*source:/.test(text) ? undefined : file);
        const result = await addLawText(dir, found.id, options.version, text, { ...(source !== undefined ? { source } : {}) });
        const lines = [`已导入《${found.title}》${options.version} 的正文：${result.articleCount} 条，写入 ${result.textFile}`];
        for (const w of result.warnings) lines.push(`  注意：${w}`);
        await write(io.stdout, `${lines.join('\n')}\n`);
      } catch (error) {
        setExit(reportRegistryError(io, error));
      }
    });
  return law;
}
