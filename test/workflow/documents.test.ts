import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseStore, isCaseError, openCaseForFileItem, openCaseStore } from '../../src/workflow/cases/index.js';
import { BAOMI, movableClock, sample, testCalendar } from './helpers.js';

describe('a document’s file name in the store', () => {
  const clock = movableClock('2025-05-06');
  let store: CaseStore;
  let id = '';
  beforeAll(async () => {
    store = await openCaseStore(':memory:', { calendar: await testCalendar(), clock });
    id = (await openCaseForFileItem(store, await sample(BAOMI), 0)).state.id;
  });
  afterAll(async () => {
    await store?.disconnect();
  });

  // The API checks it too, but the CLI and other direct callers reach the store without it.
  it.each([
    ['a right-to-left override', 'fdp.\u202eexe', '文件名不正确：不能包含控制字符或不可见的格式字符'],
    ['a NUL', 'xkz\u0000.pdf', '文件名不正确：不能包含控制字符或不可见的格式字符'],
    ['a zero-width space', 'x\u200bkz.pdf', '文件名不正确：不能包含控制字符或不可见的格式字符'],
    ['a blank name', '  ', '文件名不正确：不能为空'],
    ['a name of 256 characters', `${'证'.repeat(252)}.pdf`, '文件名不正确：不能超过 255 个字符'],
    ['".."', '../..', '文件名不正确：应为文件本身的名称，不能是“.”或“..”'],
  ])('refuses %s and records nothing', async (_, fileName, message) => {
    const before = (await store.caseEvents(id)).length;
    const error = await store.attach(id, { name: '立案审批表', fileName }).catch((e: unknown) => e);
    expect(isCaseError(error) && error.code).toBe('invalid-input');
    expect((error as Error).message).toBe(message);
    expect(await store.caseEvents(id)).toHaveLength(before);
  });

  it('records a name as the API does: trimmed, without its folders', async () => {
    const view = await store.attach(id, { name: '立案审批表', fileName: ' C:\\Users\\张三\\立案审批表.pdf ' });
    expect(view.state.documents.at(-1)).toMatchObject({ name: '立案审批表', fileName: '立案审批表.pdf' });
  });
});
