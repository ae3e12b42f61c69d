import { describe, expect, it } from 'vitest';
import type { Place } from '../../model/index.js';
import { finding } from '../testing/factories.js';
import { itemLocator } from './place-items.js';

const locate = itemLocator([
  { id: 11, record: 0, firstLine: 1, lastLine: 4, seq: '1' },
  { id: 12, record: 1, firstLine: 5, lastLine: 9, seq: null },
  { id: 13, record: 2, firstLine: 10, lastLine: 12, seq: '11' },
]);

describe('itemLocator', () => {
  it.each<[Place, number | null]>([
    [{ record: 1 }, 12],
    [{ record: 1, line: 11, item: '1' }, 12],
    [{ line: 11 }, 13],
    [{ item: '1' }, 11],
    [{ item: ' 11 ' }, 13],
    [{ item: '12' }, 12],
    [{ record: 7 }, null],
    [{ file: 'a.txt' }, null],
  ])('%j → %s', (place, id) => {
    expect(locate(finding({ place }))).toBe(id);
  });
});
