import { Command } from 'commander';
import { defaultDatabaseUrl, isStoreError, openStore } from '../../store/index.js';
import { EXIT, type Io, write } from '../io.js';

const STATUS = { applied: '已执行', 'already-applied': '此前已执行', failed: '失败', 'not-run': '未执行' } as const;

/** `quanze db migrate`: brings a database's schema up to date, one line per migration. */
export function dbCommand(io: Io, setExit: (code: number) => void): Command {
  const db = new Command('db').description('数据库管理');
  db.command('migrate')
    .description('执行尚未执行的数据库迁移（每个迁移单独一个事务）')
    .option('--db <url>', '数据库：SQLite 文件路径或 postgres://…（默认内置数据库）')
    .action(async (options: { db?: string }) => {
      try {
        const store = await openStore(options.db ?? defaultDatabaseUrl());
        try {
          const results = await store.migrate();
          for (const r of results) await write(io.stdout, `${r.name}：${STATUS[r.status]}${r.error ? `（${r.error}）` : ''}\n`);
          setExit(results.some((r) => r.status === 'failed') ? EXIT.findings : EXIT.ok);
        } finally {
          await store.close();
        }
      } catch (error) {
        if (!isStoreError(error)) throw error;
        io.stderr.write(`错误：${error.message}\n`);
        setExit(EXIT.input);
      }
    });
  return db;
}
