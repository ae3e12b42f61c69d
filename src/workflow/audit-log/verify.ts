import { type ChainedEvent, eventHash, GENESIS_HASH } from './chain.js';

export type BreakKind = 'edited' | 'removed' | 'reordered' | 'inserted' | 'truncated';

export interface ChainBreak {
  readonly kind: BreakKind;
  /** The seq of the first event that does not fit (for truncated: the head the log should reach). */
  readonly seq: number;
  readonly caseId: string | null;
  /** Chinese, naming the event. */
  readonly message: string;
}

export interface ChainReport {
  readonly ok: boolean;
  readonly events: number;
  /** The last good event's hash: record it elsewhere to detect a later truncation. */
  readonly headHash: string;
  readonly headSeq: number;
  readonly firstBreak?: ChainBreak;
}

/** What the log's keeper says the chain reached (the stored head); checked after the walk. */
export interface ExpectedHead {
  readonly seq: number;
  readonly hash: string;
}

/** How far a moved event is looked for; moving one further than this reads as an edit. */
const MOVE_WINDOW = 1000;

/** The seq an intact event was sealed with, when only its seq was changed. */
function originalSeq(event: ChainedEvent): number | null {
  for (let d = 1; d <= MOVE_WINDOW; d++) {
    for (const seq of [event.seq - d, event.seq + d]) {
      if (seq > 0 && eventHash(event.prevHash, { ...event, seq }) === event.hash) return seq;
    }
  }
  return null;
}

function describe(event: ChainedEvent): string {
  return `第${event.seq}条事件（${event.caseId ? `案件 ${event.caseId}，` : ''}${event.kind}，记录于 ${event.at}）`;
}

/**
 * Walks events in seq order and reports the first that breaks the chain: its hash does not
 * match its content (edited), its predecessor is missing (removed), it links to an event
 * that now sits elsewhere (reordered), or nothing links to it (inserted). With `head`, a
 * log that stops short of the recorded head is reported as truncated.
 * Events are consumed one at a time, so the log can be streamed.
 */
export async function verifyChain(events: AsyncIterable<ChainedEvent> | Iterable<ChainedEvent>, head?: ExpectedHead): Promise<ChainReport> {
  let prev: ChainedEvent | null = null;
  let count = 0;
  const seenHashes = new Map<string, number>();
  const fail = (kind: BreakKind, event: ChainedEvent, message: string): ChainReport => ({
    ok: false,
    events: count,
    headHash: prev?.hash ?? GENESIS_HASH,
    headSeq: prev?.seq ?? 0,
    firstBreak: { kind, seq: event.seq, caseId: event.caseId, message },
  });
  for await (const event of events) {
    const expectedSeq = (prev?.seq ?? 0) + 1;
    const expectedPrev = prev?.hash ?? GENESIS_HASH;
    const selfConsistent = eventHash(event.prevHash, event) === event.hash;
    if (event.prevHash === expectedPrev && event.seq === expectedSeq) {
      if (!selfConsistent) return fail('edited', event, `${describe(event)}的内容被修改（摘要不符）`);
      seenHashes.set(event.hash, event.seq);
      prev = event;
      count += 1;
      continue;
    }
    const after = seenHashes.get(event.prevHash);
    if (after !== undefined) return fail('reordered', event, `${describe(event)}的位置被调换：它原本接在第${after}条之后`);
    const movedFrom = selfConsistent ? null : originalSeq(event);
    if (movedFrom !== null) return fail('reordered', event, `${describe(event)}的位置被改动：它原本是第${movedFrom}条（其前的事件被删除或调换了位置）`);
    if (event.seq > expectedSeq && event.prevHash !== expectedPrev) {
      const gap = event.seq - expectedSeq > 1 ? `至第${event.seq - 1}条` : '';
      return fail('removed', event, `${describe(event)}之前的第${expectedSeq}条${gap}事件被删除`);
    }
    if (!selfConsistent) return fail('edited', event, `${describe(event)}的内容被修改（摘要不符）`);
    return fail('inserted', event, `${describe(event)}不在原有的链上（被插入或伪造），此处应为第${expectedSeq}条`);
  }
  const report: ChainReport = { ok: true, events: count, headHash: prev?.hash ?? GENESIS_HASH, headSeq: prev?.seq ?? 0 };
  if (head && (head.seq !== report.headSeq || head.hash !== report.headHash)) {
    if (head.seq > report.headSeq) {
      return {
        ...report,
        ok: false,
        firstBreak: { kind: 'truncated', seq: report.headSeq + 1, caseId: null, message: `记录在第${report.headSeq}条之后被截断：应有${head.seq}条事件` },
      };
    }
    return {
      ...report,
      ok: false,
      firstBreak: { kind: 'edited', seq: head.seq, caseId: null, message: `记录的链头（第${head.seq}条）与事件不符` },
    };
  }
  return report;
}
