import { describe, expect, it } from 'vitest';
import { cleanCell } from './cell-text.js';
import { PROVISION_FIXTURES } from './fixtures/provisions.js';
import { parseProvisions } from './provisions.js';
import { sameAsTarget, sameAsTargets } from './same-as.js';
import { cleanSampleCells } from './testing/sample-cells.js';

const fixture = (name: string) => {
  const f = PROVISION_FIXTURES.find((x) => x.name.startsWith(name));
  if (!f) throw new Error(`no fixture ${name}`);
  return parseProvisions(f.html ? cleanCell(f.input).text : f.input).provisions;
};

describe('sameAsTarget', () => {
  it.each([
    ['同1。', 1],
    ['同1.', 1],
    ['同1', 1],
    ['同 4', 4],
    ['同第2项', 2],
    ['同1-1.', 1],
    ['同１。', 1],
    ['同0。', undefined],
    ['同1。另见第三条', undefined],
    ['同时适用第三条', undefined],
  ] as const)('%s → %s', (body, n) => {
    expect(sameAsTarget(body)).toBe(n);
  });
});

describe('sameAsTargets', () => {
  it('finds every entry a sub-numbered key gave: 000 追责依据 "2.同1。" stands for 1-1, 1-2 and 1-3', () => {
    const provisions = fixture('000 追责依据: refs on the line after the title');
    const same = provisions.find((p) => p.label === '2.');
    expect(sameAsTargets(provisions, same ?? provisions[0]!).map((p) => p.label)).toEqual(['1-1.', '1-2.', '1-3.']);
  });

  it('003 追责依据: "3.同1." and "6.同1." stand for entry 1 only; a provision that is no reference stands for nothing', () => {
    const provisions = fixture('003 追责依据 (item 1)');
    for (const label of ['3.', '6.']) {
      const p = provisions.find((x) => x.label === label);
      expect(p && sameAsTargets(provisions, p).map((t) => [t.label, t.refs[0]?.article])).toEqual([['1.', 61]]);
    }
    expect(sameAsTargets(provisions, provisions[1]!)).toEqual([]);
  });

  it('resolves every 同N the samples write, to an entry of the same cell', () => {
    let resolved = 0;
    for (const c of cleanSampleCells()) {
      const { provisions } = parseProvisions(c.text);
      for (const p of provisions) {
        if (!/^同\s*[0-9０-９]/.test(p.text)) continue;
        expect(p.sameAs, `${c.where} ${p.raw}`).toBeDefined();
        const targets = sameAsTargets(provisions, p);
        expect(targets.length, `${c.where} ${p.raw}`).toBeGreaterThan(0);
        resolved++;
      }
    }
    // 154 in the 追责依据 cells (000: 119, 001: 22, 003: 13), the rest in 责任事项依据.
    expect(resolved).toBeGreaterThanOrEqual(154);
  });
});
