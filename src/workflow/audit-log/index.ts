/**
 * The tamper-evident record: case events appended to one log, each carrying the SM3 hash
 * of its predecessor, so an edited, removed or reordered event breaks the chain.
 */
export { canonicalJson, type ChainedEvent, eventHash, GENESIS_HASH, seal, type UnsealedEvent } from './chain.js';
export { sm3Available, sm3Hex } from './sm3.js';
export { type BreakKind, type ChainBreak, type ChainReport, type ExpectedHead, verifyChain } from './verify.js';
