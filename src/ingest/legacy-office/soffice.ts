import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ImportError } from '../errors.js';

/** Where LibreOffice is usually installed when it is not on PATH. */
const KNOWN_PATHS = [
  '/usr/bin/soffice',
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The LibreOffice binary: `QUANZE_SOFFICE` when set (and then only it), else soffice or
 * libreoffice on PATH, else the usual install places. Null when there is none.
 */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env.QUANZE_SOFFICE;
  if (configured) return executable(configured) ? configured : null;
  const onPath = (env.PATH ?? '').split(delimiter).flatMap((dir) => (dir ? ['soffice', 'libreoffice'].map((name) => join(dir, name)) : []));
  return [...onPath, ...KNOWN_PATHS].find(executable) ?? null;
}

/** Formats LibreOffice converts for quanze, with how messages name them. */
export type SofficeSource = 'doc' | 'xls' | 'odt' | 'ods';
const SOURCE_NAMES: Readonly<Record<SofficeSource, string>> = {
  doc: '旧版 Word 文件（.doc）',
  xls: '旧版 Excel 文件（.xls）',
  odt: 'OpenDocument 文档（.odt）',
  ods: 'OpenDocument 表格（.ods）',
};

export const INSTALL_HINT =
  '请安装 LibreOffice 后重试（Debian/Ubuntu：sudo apt-get install libreoffice-writer libreoffice-calc；也可设置 QUANZE_SOFFICE 指向 soffice），或在 Word/Excel/WPS 中另存为 .docx/.xlsx 后再导入';

/**
 * Converts a legacy file with `soffice --headless --convert-to`, in a temporary folder
 * with its own LibreOffice profile (so a running LibreOffice does not block it).
 */
export async function convertWithSoffice(
  soffice: string | null,
  file: string,
  bytes: Uint8Array,
  from: SofficeSource,
  to: 'docx' | 'xlsx',
): Promise<Uint8Array> {
  const what = SOURCE_NAMES[from];
  if (!soffice) throw new ImportError('missing-tool', file, `读取${what}需要 LibreOffice，但本机没有找到。${INSTALL_HINT}`);
  const dir = await mkdtemp(join(tmpdir(), 'quanze-soffice-'));
  try {
    const input = join(dir, `input.${from}`);
    await writeFile(input, bytes);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', dir, input],
        { timeout: 180_000 },
        (error, _stdout, stderr) => (error ? reject(Object.assign(error, { stderr })) : resolve()),
      );
    }).catch((cause: unknown) => {
      throw new ImportError('bad-structure', file, `LibreOffice 无法转换此${what}（文件可能已损坏或有密码保护）`, {}, { cause });
    });
    return new Uint8Array(
      await readFile(join(dir, `input.${to}`)).catch((cause: unknown) => {
        throw new ImportError('bad-structure', file, `LibreOffice 没有转换出 .${to} 文件（文件可能已损坏或有密码保护）`, {}, { cause });
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
