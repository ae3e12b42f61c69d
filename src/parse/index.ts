/**
 * Cell grammars: pure functions from a cell's text to the model's types. None of them reads
 * files or throws, whatever the input; each is lossless: every non-blank character of the
 * text lies in exactly one element's span (a provision, step, entry, situation, or the
 * preamble before the first of them) or in a residue entry with a Chinese reason.
 * Spans are [start, end) offsets into the string the grammar was given (usually
 * cleanCell(raw).text).
 */
export { parseAccountability, PURSUER_SUFFIXES } from './accountability.js';
export { parseArticleRefs, readArticleRefs } from './article-refs.js';
export { cleanCell, looksTruncated } from './cell-text.js';
export { parseChineseNumber, toHalfWidthDigits } from './chinese-number.js';
export { CREDIT_CODE_CHARSET, CREDIT_CODE_WEIGHTS, type CreditCodeCheck, checkCreditCode, creditCheckChar } from './credit-code.js';
export { dutyName, parseDuties } from './duties.js';
export { parseDutyBasis } from './duty-basis.js';
export { type Enumeration, parseEnumeration } from './enumeration.js';
export { decodeEntities } from './entities.js';
export { LOCAL_CODE_TYPE_SEGMENTS, parseLocalCode } from './local-code.js';
export { hasBrokenLevelTag, LEVEL_TAGS, parseProvisions } from './provisions.js';
export { sameAsTargets } from './same-as.js';
export { parseTimeLimit } from './time-limit.js';
