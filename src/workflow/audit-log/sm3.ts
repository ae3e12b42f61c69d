import { createHash, getHashes } from 'node:crypto';

/**
 * SM3 (GB/T 32905-2016) through node:crypto. Node's OpenSSL 3 provides it; a build
 * without it fails at once with a message rather than logging with another hash.
 */
export function sm3Available(): boolean {
  return getHashes().includes('sm3');
}

/** Lower-case hex SM3 digest of the UTF-8 text. @example sm3Hex('abc') // '66c7f0f4…8f4ba8e0' */
export function sm3Hex(text: string | Uint8Array): string {
  if (!sm3Available()) throw new Error('此 Node.js 构建的 OpenSSL 不提供 SM3 摘要算法，无法写入或核验防篡改记录');
  return createHash('sm3').update(text).digest('hex');
}
