import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteLru } from './lru.js';

describe('ByteLru', () => {
  it('forgets the least recently used first and never holds more than its budget', () => {
    const lru = new ByteLru<string, string>(10, (v) => v.length);
    lru.set('a', 'aaaa');
    lru.set('b', 'bbbb');
    expect(lru.get('a')).toBe('aaaa');
    lru.set('c', 'cccc');
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe('aaaa');
    expect(lru.get('c')).toBe('cccc');
    expect(lru.bytes).toBe(8);
  });

  it('keeps no value larger than the whole budget, and replacing a key frees its old size', () => {
    const lru = new ByteLru<string, string>(5, (v) => v.length);
    lru.set('a', 'aaa');
    lru.set('big', 'xxxxxx');
    expect(lru.get('big')).toBeUndefined();
    expect(lru.get('a')).toBe('aaa');
    lru.set('a', 'a');
    expect(lru.bytes).toBe(1);
    lru.delete('a');
    expect([lru.size, lru.bytes]).toEqual([0, 0]);
  });

  it('agrees with a plain model of recency under any sequence of gets and sets', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key: fc.integer({ min: 0, max: 6 }), size: fc.integer({ min: 0, max: 12 }) }),
      fc.record({ kind: fc.constant('get' as const), key: fc.integer({ min: 0, max: 6 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const budget = 20;
        const lru = new ByteLru<number, number>(budget, (v) => v);
        // The model: keys oldest first, with sizes.
        let model: [number, number][] = [];
        for (const o of ops) {
          if (o.kind === 'get') {
            const found = model.find(([k]) => k === o.key);
            expect(lru.get(o.key)).toBe(found?.[1]);
            if (found) model = [...model.filter(([k]) => k !== o.key), found];
          } else {
            lru.set(o.key, o.size);
            model = model.filter(([k]) => k !== o.key);
            if (o.size <= budget) model.push([o.key, o.size]);
            while (model.reduce((n, [, s]) => n + s, 0) > budget) model.shift();
          }
          expect(lru.bytes).toBe(model.reduce((n, [, s]) => n + s, 0));
          expect(lru.size).toBe(model.length);
        }
      }),
    );
  });
});
