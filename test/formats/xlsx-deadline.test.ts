import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportError, importBytes } from '../../src/ingest/index.js';

const HEADER = ['序号', '权力类型', '事项名称', '子项', '实施主体', '责任事项'];

/** A real list workbook of `rows` items: 20,000 rows (0.6 MB) take exceljs some 0.4 s to read, 40 times the deadline below. */
async function listWorkbook(rows: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('清单');
  ws.addRow(HEADER);
  for (let i = 1; i <= rows; i++) ws.addRow([i, '行政许可', `某某事项${i}的审批`, '', '某某局', `1.受理责任：依法受理第${i}项申请。`]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * Workbooks are read on a document thread with a deadline, as PDFs are; QUANZE_READ_TIMEOUT
 * makes it 0.01 s here, far less than exceljs needs for a 20,000-row workbook.
 */
describe('a workbook that takes longer to read than its deadline', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('is refused at the deadline with a typed error naming the file; the next workbook is read on a new thread', async () => {
    const large = await listWorkbook(20_000);
    vi.stubEnv('QUANZE_READ_TIMEOUT', '0.01');
    const error = await importBytes('清单.xlsx', large).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'bad-structure', file: '清单.xlsx' });
    expect((error as ImportError).message).toBe(
      '清单.xlsx：读取 Excel 工作簿超过 0.01 秒仍未完成，远超正常的 Excel 工作簿：文件结构异常复杂，可能是恶意构造的文件，拒绝读取',
    );
    vi.unstubAllEnvs();
    const list = await importBytes('小.xlsx', await listWorkbook(3));
    expect(list.items.map((item) => item.name.text)).toEqual(['某某事项1的审批', '某某事项2的审批', '某某事项3的审批']);
  }, 60_000);
});
