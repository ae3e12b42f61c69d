import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChainedEvent, canonicalJson, GENESIS_HASH, seal } from './chain.js';
import { sm3Available, sm3Hex } from './sm3.js';
import { verifyChain } from './verify.js';

describe('SM3 through node:crypto', () => {
  it('is available in this Node build', () => {
    expect(sm3Available()).toBe(true);
  });
  // GB/T 32905-2016, 附录 A: examples 1 and 2.
  it.each([
    ['abc', '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'],
    ['abcd'.repeat(16), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732'],
  ])('GB/T 32905-2016 test vector %#', (input, digest) => {
    expect(sm3Hex(input)).toBe(digest);
  });
});

function chain(n: number): ChainedEvent[] {
  const out: ChainedEvent[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const event = seal(prev, { seq: i, caseId: `2025-0000${1 + (i % 3)}`, at: `2025-10-${String(9 + (i % 20)).padStart(2, '0')}T09:00:00.000+08:00`, kind: i === 1 ? 'opened' : 'advanced', data: canonicalJson({ on: '2025-10-09', n: i }) });
    out.push(event);
    prev = event.hash;
  }
  return out;
}

const headOf = (events: ChainedEvent[]) => ({ seq: events.at(-1)?.seq ?? 0, hash: events.at(-1)?.hash ?? GENESIS_HASH });

describe('verifyChain', () => {
  it('accepts an intact chain and reports its head', async () => {
    const events = chain(8);
    const report = await verifyChain(events, headOf(events));
    expect(report).toMatchObject({ ok: true, events: 8, headSeq: 8, headHash: events[7]?.hash });
  });

  it('accepts the empty log', async () => {
    expect(await verifyChain([], { seq: 0, hash: GENESIS_HASH })).toMatchObject({ ok: true, events: 0 });
  });

  it('names an edited event', async () => {
    const events = chain(6);
    const head = headOf(events);
    events[2] = { ...(events[2] as ChainedEvent), data: canonicalJson({ on: '2025-10-01', n: 3 }) };
    const report = await verifyChain(events, head);
    expect(report.firstBreak).toMatchObject({ kind: 'edited', seq: 3 });
    expect(report.firstBreak?.message).toContain('第3条事件');
  });

  it('names the gap a removed event leaves', async () => {
    const events = chain(6);
    const head = headOf(events);
    events.splice(3, 1);
    expect((await verifyChain(events, head)).firstBreak).toMatchObject({ kind: 'removed', seq: 5 });
  });

  it('finds events whose seq numbers were swapped', async () => {
    const events = chain(6);
    const head = headOf(events);
    const a = events[1] as ChainedEvent;
    const b = events[2] as ChainedEvent;
    events[1] = { ...b, seq: 2 };
    events[2] = { ...a, seq: 3 };
    const report = await verifyChain(events, head);
    expect(report.firstBreak).toMatchObject({ kind: 'reordered', seq: 2 });
    expect(report.firstBreak?.message).toContain('原本是第3条');
  });

  it('finds a truncated tail against the recorded head', async () => {
    const events = chain(6);
    const head = headOf(events);
    expect((await verifyChain(events.slice(0, 4), head)).firstBreak).toMatchObject({ kind: 'truncated', seq: 5 });
  });

  it('finds an event forged onto the chain with a made-up hash', async () => {
    const events = chain(4);
    const forged = { ...seal((events[3] as ChainedEvent).hash, { seq: 5, caseId: 'x', at: 'y', kind: 'closed', data: '{}' }), hash: 'f'.repeat(64) };
    expect((await verifyChain([...events, forged])).firstBreak).toMatchObject({ kind: 'edited', seq: 5 });
  });

  it('detects any single change to any field of any event (property)', async () => {
    const fields = ['seq', 'caseId', 'at', 'kind', 'data', 'prevHash', 'hash'] as const;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 12 }), fc.nat(), fc.constantFrom(...fields), fc.string({ minLength: 1, maxLength: 8 }), async (n, k, field, junk) => {
        const events = chain(n);
        const head = headOf(events);
        const i = k % n;
        const original = events[i] as ChainedEvent;
        const changed = field === 'seq' ? { ...original, seq: original.seq + 1 + (k % 3) } : { ...original, [field]: `${String(original[field])}${junk}` };
        events[i] = changed;
        const report = await verifyChain(events, head);
        return !report.ok && (report.firstBreak?.seq ?? 0) >= 1;
      }),
    );
  });

  it('detects removing or moving any one event (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 12 }), fc.nat(), fc.nat(), fc.boolean(), async (n, k, j, remove) => {
        const events = chain(n);
        const head = headOf(events);
        const i = k % n;
        if (remove) events.splice(i, 1);
        else {
          const target = j % n === i ? (i + 1) % n : j % n;
          const [moved] = events.splice(i, 1);
          events.splice(target, 0, moved as ChainedEvent);
          // Renumber as a careless editor would, so seq order is the new order.
          events.forEach((e, x) => {
            events[x] = { ...e, seq: x + 1 };
          });
        }
        return !(await verifyChain(events, head)).ok;
      }),
    );
  });
});

describe('canonicalJson', () => {
  it('gives equal text for equal data whatever the key order, and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });
});
