import { describe, expect, it } from 'vitest';
import { IdParams, ListItemsParams, SearchParams } from '../api/params.js';
import { HttpProblem, parseRequest } from '../../problem/index.js';
import { CaseListParams } from '../../workflow/web/params.js';

function failure(run: () => unknown): HttpProblem {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpProblem) return error;
    throw error;
  }
  throw new Error('no problem raised');
}

describe('parseRequest', () => {
  it('coerces query strings and fills defaults', () => {
    expect(parseRequest(ListItemsParams, { page: '2', type: '行政处罚' })).toEqual({ page: 2, pageSize: 20, type: '行政处罚' });
    expect(parseRequest(SearchParams, { q: '  密码 ' })).toMatchObject({ q: '密码', page: 1 });
  });

  it.each([
    ['a missing q', SearchParams, {}, 'q', 'invalid_type', '缺少必填参数'],
    ['page 0', ListItemsParams, { page: '0' }, 'page', 'too_small', '应为 1–100000 的整数'],
    ['a page that is no number', SearchParams, { q: 'x', page: 'abc' }, 'page', 'invalid_type', '应为 1–100000 的整数'],
    ['a page size with a fraction', ListItemsParams, { pageSize: '1.5' }, 'pageSize', 'invalid_type', '应为 1–100 的整数'],
    ['a page size over the most', ListItemsParams, { pageSize: '101' }, 'pageSize', 'too_big', '应为 1–100 的整数'],
    ['a case list offset below 0', CaseListParams, { offset: '-1' }, 'offset', 'too_small', '应为不小于 0 的整数'],
    ['a case list limit that is no number', CaseListParams, { limit: 'ten' }, 'limit', 'invalid_type', '应为 1–1000 的整数'],
    ['an unknown type', ListItemsParams, { type: '行政魔法' }, 'type', 'invalid_value', '无效选项'],
    ['a non-numeric id', IdParams, { id: 'x1' }, 'id', 'invalid_format', '编号应为正整数'],
  ] as const)('turns %s into a 400 naming the parameter in Chinese', (_label, schema, input, name, code, reason) => {
    const problem = failure(() => parseRequest(schema, input));
    expect(problem.status).toBe(400);
    expect(problem.invalidParams).toEqual([{ name, code, reason: expect.stringContaining(reason) }]);
    expect(problem.toProblem('/x')).toMatchObject({ type: 'urn:quanze:problem:invalid-parameters', title: '请求参数不正确', instance: '/x' });
  });

  it('reports every bad parameter at once', () => {
    const problem = failure(() => parseRequest(SearchParams, { page: 'x', pageSize: '0' }));
    expect(problem.invalidParams?.map((p) => p.name).sort()).toEqual(['page', 'pageSize', 'q']);
  });
});
