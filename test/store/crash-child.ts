/**
 * Child process for the crash test: imports lists into a SQLite file and says on stdout
 * when each import starts and ends, so the parent can kill it in the middle.
 * Usage: node --import tsx test/store/crash-child.ts <db-file> <small|large>...
 */
import { openStore } from '../../src/store/index.js';
import { dutyCell, item, powerList, provision, provisionCell } from '../../src/store/testing/factories.js';

const LARGE_ITEMS = 20_000;

function list(kind: string) {
  const n = kind === 'large' ? LARGE_ITEMS : 5;
  const items = Array.from({ length: n }, (_, i) =>
    item({
      seq: String(i + 1),
      name: `${kind}清单第${i + 1}项：对违反保守国家秘密法规定行为的处罚`,
      record: i,
      basis: provisionCell(`《中华人民共和国保守国家秘密法》第${i % 60}条 机关、单位应当加强对国家秘密载体的管理。`, [
        provision('中华人民共和国保守国家秘密法', '机关、单位应当加强对国家秘密载体的管理。', (i % 60) + 1),
      ]),
      duties: dutyCell([
        { name: '立案', text: '对检查中发现的违法行为予以审查，决定是否立案。' },
        { name: '调查', text: '调查收集与案件有关的证据，查明事实。' },
      ]),
      accountability: '因不履行或不正确履行行政职责，有下列情形的，行政机关及其工作人员应当承担相应责任。',
    }),
  );
  return powerList({ department: '崩溃测试局', title: `${kind} 版本`, items });
}

const [file, ...kinds] = process.argv.slice(2);
if (!file) {
  process.stderr.write('用法: crash-child.ts <数据库文件> <small|large>...\n');
  process.exit(2);
}
const store = await openStore(file);
await store.migrate();
for (const kind of kinds) {
  const prepared = list(kind);
  process.stdout.write(`start ${kind}\n`);
  const outcome = await store.importList(prepared);
  process.stdout.write(`done ${kind} ${outcome.status} ${outcome.items}\n`);
}
await store.close();
