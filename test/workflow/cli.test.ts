import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BpmnModdle } from 'bpmn-moddle';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { BAOMI, FLOWCHART, MIMA, rawSql } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'quanze-wf-cli-'));
const db = join(dir, 'quanze.sqlite');

describe('quanze case, end to end on one SQLite file', () => {
  beforeAll(async () => {
    // The list store and the case store share the database file, each with its own tables.
    expect((await cli('db', 'migrate', '--db', db)).code).toBe(0);
    expect((await cli('import', BAOMI, '--db', db)).code).toBe(0);
  });

  it('opens a case for a stored item by its id', async () => {
    const { code, stdout } = await cli('case', 'open', '1', '--db', db, '--on', '2025-01-02', '--format', 'json');
    expect(code).toBe(0);
    const view = JSON.parse(stdout) as { summary: { id: string; statutoryDue: string; itemRef: string } };
    expect(view.summary).toMatchObject({ id: '2025-00001', statutoryDue: '2025-02-06', itemRef: '1' });
  });

  it('opens a case on a flowchart of a file, and walks it through pause, resume, extension, documents and closing', async () => {
    let r = await cli('case', 'open', '--file', FLOWCHART, '--sheet', '1', '--on', '2025-09-26', '--db', db);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('案件 2025-00002：商用密码产品销售许可审批流程图（初审）');
    expect(r.stdout).toContain('法定期限：2025-12-04　承诺期限：2025-11-13');
    for (let i = 0; i < 3; i++) expect((await cli('case', 'advance', '2025-00002', '--on', '2025-09-29', '--db', db)).code).toBe(0);
    expect((await cli('case', 'pause', '2025-00002', '--kind', '检验', '--on', '2025-09-30', '--db', db)).code).toBe(0);
    r = await cli('case', 'resume', '2025-00002', '--on', '2025-10-15', '--db', db);
    expect(r.stdout).toContain('法定期限：2025-12-12');
    r = await cli('case', 'extend', '2025-00002', '--amount', '10', '--approved-by', '局长', '--on', '2025-10-16', '--db', db);
    expect(r.stdout).toContain('法定期限：2025-12-26');
    expect(r.stdout).toContain('警告：');
    r = await cli('case', 'advance', '2025-00002', '--to', 's7', '--on', '2025-10-20', '--db', db);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('流程中没有从“初审”到该步骤的连线');
    for (let i = 0; i < 3; i++) await cli('case', 'advance', '2025-00002', '--on', '2025-10-20', '--db', db);
    r = await cli('case', 'advance', '2025-00002', '--on', '2025-10-21', '--db', db);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('《商用密码产品销售许可证》');
    const file = join(dir, 'licence.pdf');
    writeFileSync(file, 'licence');
    r = await cli('case', 'attach', '2025-00002', '商用密码产品销售许可证', '--file', file, '--on', '2025-10-21', '--db', db, '--format', 'json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { state: { documents: { sha256: string }[] } }).state.documents[0]?.sha256).toBe(createHash('sha256').update('licence').digest('hex'));
    expect((await cli('case', 'advance', '2025-00002', '--on', '2025-10-21', '--db', db)).code).toBe(0);
    r = await cli('case', 'close', '2025-00002', '--outcome', '准予许可', '--on', '2025-10-22', '--db', db);
    expect(r.stdout).toContain('状态：已办结（准予许可）');
  });

  it('lists overdue and at-risk cases from what is stored', async () => {
    await cli('case', 'open', '--file', MIMA, '--item', '1', '--on', '2025-03-03', '--db', db);
    let r = await cli('case', 'list', '--overdue', '--today', '2025-07-01', '--db', db);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => l.split('  ')[0])).toEqual(['2025-00001', '2025-00003', '（共 2 件）']);
    // 90 days from 2025-03-03 is 2025-06-01, a Sunday: due on Monday 06-03 (06-02 is the 端午 holiday).
    r = await cli('case', 'list', '--at-risk', '--today', '2025-05-30', '--db', db, '--format', 'json');
    expect((JSON.parse(r.stdout) as { items: { id: string; dueDate: string }[] }).items).toMatchObject([{ id: '2025-00003', dueDate: '2025-06-03' }]);
    expect((await cli('case', 'list', '--overdue', '--at-risk', '--db', db)).code).toBe(2);
  });

  it('audit verify exits 1 naming the column of a closed case reopened in its row alone', async () => {
    await rawSql(db, [`create table case_copy as select * from "case"`, `update "case" set status = 'open', closed_on = null, title = '篡改' where id = '2025-00002'`]);
    expect((await cli('case', 'list', '--db', db)).stdout).toContain('篡改');
    const r = await cli('audit', 'verify', '--db', db);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('但有 1 处数据与事件记录不符：');
    expect(r.stdout).toContain('案件 2025-00002 的“标题”（title）与事件记录不符（被直接修改）：库中为“篡改”，按事件应为“商用密码产品销售许可审批流程图（初审）”');
    await rawSql(db, ['title', 'status', 'closed_on'].map((c) => `update "case" set ${c} = (select ${c} from case_copy where case_copy.id = "case".id)`).concat('drop table case_copy'));
  });

  it('audit verify passes, then names the first event edited behind its back and exits 1', async () => {
    let r = await cli('audit', 'verify', '--db', db);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('事件链完好');
    const head = /链头：(\d+:[0-9a-f]{64})/.exec(r.stdout)?.[1] as string;
    await rawSql(db, ["update case_event set data = replace(data, '检验', '鉴定') where kind = 'paused'"]);
    r = await cli('audit', 'verify', '--db', db);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/防篡改记录已被破坏：第\d+条事件（案件 2025-00002，paused，记录于 .*）的内容被修改/);
    await rawSql(db, ["update case_event set data = replace(data, '鉴定', '检验') where kind = 'paused'"]);
    expect((await cli('audit', 'verify', '--db', db, '--expect-head', head)).code).toBe(0);
    const seq = Number(head.split(':')[0]);
    await rawSql(db, [`delete from case_event where seq = ${seq}`, `update workflow_chain_head set seq = ${seq - 1}, hash = (select hash from case_event where seq = ${seq - 1})`]);
    r = await cli('audit', 'verify', '--db', db, '--expect-head', head);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('被截断');
  });

  it('a database that cannot be opened is an input error, an unknown case a usage error', async () => {
    expect((await cli('case', 'show', '2025-09999', '--db', db)).code).toBe(2);
    const r = await cli('case', 'list', '--db', 'mysql://nowhere/x');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('不支持的数据库地址');
  });
});

describe('quanze process', () => {
  it('exports a flowchart as BPMN 2.0 that bpmn-moddle reads without warnings', async () => {
    const { code, stdout } = await cli('process', 'export', FLOWCHART, '--sheet', '2', '--to', 'bpmn');
    expect(code).toBe(0);
    const parsed = await BpmnModdle().fromXML(stdout);
    expect(parsed.warnings).toEqual([]);
    expect(Object.values(parsed.elementsById).filter((e) => e.$type === 'bpmn:UserTask')).toHaveLength(17);
  });

  it('exports an item as SVG and JSON, and saves an edited JSON as a new version', async () => {
    const svg = await cli('process', 'export', MIMA, '--item', '1', '--to', 'svg');
    expect(svg.stdout).toMatch(/^<svg /);
    const out = join(dir, 'p.json');
    expect((await cli('process', 'export', MIMA, '--item', '1', '--to', 'json', '--out', out)).code).toBe(0);
    const def = JSON.parse(readFileSync(out, 'utf8')) as { name: string; flows: unknown[] };
    let r = await cli('process', 'save', out, '--db', db);
    expect(r.stdout).toMatch(/^P\d+ 第1版：已保存/);
    const id = r.stdout.split(' ')[0] as string;
    writeFileSync(out, JSON.stringify({ ...def, flows: [] }));
    r = await cli('process', 'save', out, '--id', id, '--db', db);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法到达');
    writeFileSync(out, JSON.stringify({ ...def, name: `${def.name}（修订）` }));
    r = await cli('process', 'save', out, '--id', id, '--db', db);
    expect(r.stdout).toContain(`${id} 第2版：已保存`);
    expect((await cli('process', 'export', id, '--to', 'json', '--db', db)).stdout).toContain('（修订）');
  });

  it('exports a stored item’s process by the item id', async () => {
    const r = await cli('process', 'export', '1', '--to', 'json', '--db', db);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ name: '国家秘密载体制作、复制、维修、销毁资质认定', source: { kind: 'duties', itemRef: '1' } });
    const missing = await cli('process', 'export', '999', '--to', 'json', '--db', db);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('“999”既不是文件');
  });

  it('offers --format only where it changes the output: export writes what --to says, import and save print text', async () => {
    for (const sub of ['export', 'import', 'save']) {
      expect((await cli('process', sub, '--help')).stdout).not.toContain('--format');
    }
    const refused = await cli('process', 'export', MIMA, '--item', '1', '--to', 'bpmn', '--format', 'json');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('未知的选项 --format');
    const listed = await cli('process', 'list', '--db', db, '--format', 'json');
    expect(listed.code).toBe(0);
    expect(Array.isArray(JSON.parse(listed.stdout))).toBe(true);
  });

  it('imports every process of a file once; importing again changes nothing', async () => {
    const first = await cli('process', 'import', FLOWCHART, '--db', db);
    expect(first.stdout).toContain('流程图“保密检查流程图”');
    const again = await cli('process', 'import', FLOWCHART, '--db', db);
    expect(again.stdout.match(/未变/g)).toHaveLength(2);
  });
});

describe('quanze calendar add', () => {
  it('adds a year to a calendar folder, and names --replace when the year is there already', async () => {
    const calendar = mkdtempSync(join(tmpdir(), 'quanze-cal-'));
    const year = fileURLToPath(new URL('../../data/calendar/2026.json', import.meta.url));
    const added = await cli('calendar', 'add', year, '--calendar', calendar);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('已加入 2026 年：放假 33 天，调休上班 6 天');
    const again = await cli('calendar', 'add', year, '--calendar', calendar);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('2026年的节假日安排已存在；如需替换，请使用替换选项（--replace）');
    const replaced = await cli('calendar', 'add', year, '--calendar', calendar, '--replace');
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain('已替换 2026 年');
  });
});

describe('quanze case open with a party', () => {
  const partyDb = join(dir, 'party.sqlite');
  const open = (...args: string[]) => cli('case', 'open', '--file', BAOMI, '--item', '1', '--on', '2025-05-06', '--db', partyDb, ...args);
  const count = async () => (await cli('case', 'list', '--db', partyDb, '--format', 'json')).stdout;

  it('records the applicant, which case show prints in full and case list by name', async () => {
    const r = await open('--party', ' 乌鲁木齐市天山区红旗幼儿园 ', '--party-kind', 'organisation', '--party-contact', '0991-2345678', '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const view = JSON.parse(r.stdout) as { summary: { id: string }; state: { party: unknown } };
    expect(view.state.party).toEqual({ name: '乌鲁木齐市天山区红旗幼儿园', kind: 'organisation', contact: '0991-2345678' });
    const show = await cli('case', 'show', view.summary.id, '--db', partyDb);
    // The first item of the 001 sample is a 行政许可: its party is the 申请人.
    expect(show.stdout).toContain('  申请人：乌鲁木齐市天山区红旗幼儿园（法人或其他组织），联系方式：0991-2345678\n');
    const person = await open('--party', '欧阳娜娜', '--party-kind', 'person');
    expect(person.stdout).toContain('  申请人：欧阳娜娜（自然人）\n');
    const plain = await open();
    expect(plain.stdout).not.toContain('申请人');
    const list = (await cli('case', 'list', '--db', partyDb)).stdout.split('\n');
    expect(list[2]).toMatch(/^2025-00001 {2}办理中 {2}.+【[^】]+】 {2}乌鲁木齐市天山区红旗幼儿园 {2}期限 /);
    expect(list[1]).toMatch(/【[^】]+】 {2}欧阳娜娜 {2}期限 /);
    expect(list[0]).toMatch(/【[^】]+】 {2}期限 /);
  });

  it('refuses a bad party in Chinese, naming the option, and opens nothing', async () => {
    const before = await count();
    const refused: [string[], string][] = [
      [['--party', '张\u202e三', '--party-kind', 'person'], '错误：--party：不能包含控制字符或不可见的格式字符'],
      [['--party', '   ', '--party-kind', 'person'], '错误：--party：不能为空'],
      [['--party', '张'.repeat(101), '--party-kind', 'person'], '错误：--party：不能超过 100 个字符'],
      [['--party', '张三', '--party-kind', 'person', '--party-contact', '1'.repeat(101)], '错误：--party-contact：不能超过 100 个字符'],
      [['--party', '张三', '--party-kind', 'company'], '--party-kind 只能是 person、organisation，收到“company”'],
      [['--party', '张三'], '错误：给出 --party 时须用 --party-kind 指明类别：person（自然人）或 organisation（法人或其他组织）'],
      [['--party-contact', '0991-2345678'], '错误：--party-kind 和 --party-contact 须与 --party（申请人或当事人的名称）一起给出'],
    ];
    for (const [args, message] of refused) {
      const r = await open(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(message);
      expect(r.stderr, args.join(' ')).not.toContain('string');
    }
    expect(await count()).toBe(before);
  });

  it('describes the options in Chinese', async () => {
    const help = await cli('case', 'open', '--help');
    expect(help.stdout).toContain('--party <名称>');
    expect(help.stdout).toContain('--party-kind <类别>');
    expect(help.stdout).toContain('person（自然人）或 organisation（法人或其他组织）');
    expect(help.stdout).toContain('--party-contact <联系方式>');
  });
});

describe('quanze case attach with a file', () => {
  const attachDb = join(dir, 'attach.sqlite');
  const files = mkdtempSync(join(tmpdir(), 'quanze-wf-attach-'));
  let id = '';
  const documents = async () => (JSON.parse((await cli('case', 'show', id, '--db', attachDb, '--format', 'json')).stdout) as { state: { documents: unknown[] } }).state.documents;
  beforeAll(async () => {
    const r = await cli('case', 'open', '--file', BAOMI, '--item', '1', '--on', '2025-05-06', '--db', attachDb, '--format', 'json');
    id = (JSON.parse(r.stdout) as { summary: { id: string } }).summary.id;
  });

  it('refuses a file whose name has a control or invisible character, in Chinese, and records nothing', async () => {
    for (const name of ['立案审批表\u0007.pdf', '立案审批表\u202e.pdf']) {
      const file = join(files, name);
      writeFileSync(file, 'form');
      const r = await cli('case', 'attach', id, '立案审批表', '--file', file, '--on', '2025-05-06', '--db', attachDb);
      expect(r.code, JSON.stringify(name)).toBe(2);
      expect(r.stderr, JSON.stringify(name)).toBe('错误：文件名不正确：不能包含控制字符或不可见的格式字符\n');
    }
    expect(await documents()).toEqual([]);
    // The same file under a plain name is recorded.
    const plain = join(files, '立案审批表.pdf');
    writeFileSync(plain, 'form');
    expect((await cli('case', 'attach', id, '立案审批表', '--file', plain, '--on', '2025-05-06', '--db', attachDb)).code).toBe(0);
    expect(await documents()).toMatchObject([{ name: '立案审批表', fileName: '立案审批表.pdf' }]);
  });
});
