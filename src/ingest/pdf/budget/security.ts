import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { ImportError } from '../../errors.js';
import { type PdfScan, isName } from './objects.js';
import { type Dict, Name, type PdfObject } from './syntax.js';

/** The one message for a PDF that needs a password, whether this check or pdf.js finds it first. */
export function passwordProtected(file: string, cause?: unknown): ImportError {
  return new ImportError('unsupported-format', file, 'PDF 有密码保护，无法读取；请提供未加密的文件', {}, cause === undefined ? {} : { cause });
}

/** Decrypts one stream's data, given the object it belongs to. */
export type StreamDecryptor = (data: Uint8Array, num: number, gen: number) => Uint8Array;

/**
 * How to decrypt the streams of an encrypted PDF, as pdf.js will: the standard security
 * handler (RC4 and AES, revisions 2–6) opened with the empty user password, which is how
 * pdf.js opens every PDF here (no password is ever given). That is what "restricted"
 * government PDFs are: an owner password for the permissions, none to open. Skipping
 * encrypted files would make an /Encrypt entry the way around the budget; refusing them would
 * refuse those PDFs, which import today. So their streams are decrypted, then inflated.
 *
 * One decryptor per distinct encryption dictionary named by a trailer (or cross-reference
 * stream). A PDF that needs a password, or is encrypted in a way this cannot follow, is
 * refused here: pdf.js could not open the first either (same message), and for the second
 * there is no knowing what pdf.js would inflate.
 */
export function streamDecryptors(file: string, scan: PdfScan): StreamDecryptor[] {
  const decryptors = new Map<string, StreamDecryptor>();
  for (const trailer of scan.trailers) {
    if (!trailer.has('Encrypt')) continue;
    const encrypt = scan.resolve(trailer.get('Encrypt'));
    // pdf.js takes only a dictionary as encryption; a reference this scan cannot follow might be one.
    if (encrypt === undefined) throw unsupported(file, '加密字典无法读取');
    if (!(encrypt instanceof Map)) continue;
    const ids = scan.resolve(trailer.get('ID'));
    const id = Array.isArray(ids) ? scan.resolve(ids[0]) : undefined;
    const handler = openHandler(file, encrypt, id instanceof Uint8Array ? id : new Uint8Array(0), scan.resolve);
    decryptors.set(handler.key, handler.decrypt);
  }
  return [...decryptors.values()];
}

function unsupported(file: string, what: string): ImportError {
  return new ImportError('unsupported-format', file, `PDF 的加密方式不受支持（${what}），无法读取；请提供未加密的文件`);
}

const md5 = (...parts: Uint8Array[]) => hash('md5', ...parts);
function hash(algorithm: string, ...parts: Uint8Array[]): Uint8Array {
  const h = createHash(algorithm);
  for (const part of parts) h.update(part);
  return new Uint8Array(h.digest());
}

/** The padding of the standard security handler (ISO 32000-1, 7.6.3.3). */
const PADDING = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe,
  0x64, 0x53, 0x69, 0x7a,
]);

function openHandler(file: string, dict: Dict, id: Uint8Array, resolve: PdfScan['resolve']): { key: string; decrypt: StreamDecryptor } {
  const get = (key: string) => resolve(dict.get(key));
  const bytes = (key: string) => {
    const value = get(key);
    return value instanceof Uint8Array ? value : new Uint8Array(0);
  };
  const filter = get('Filter');
  if (!isName(filter, 'Standard')) throw unsupported(file, filter instanceof Name ? filter.name : '未知');
  const version = get('V');
  if (version !== 1 && version !== 2 && version !== 4 && version !== 5) throw unsupported(file, `V ${String(version)}`);
  const revision = get('R');
  const cf = get('CF');
  const stmf = get('StmF');
  const streamFilter = cf instanceof Map && stmf instanceof Name ? resolve(cf.get(stmf.name)) : undefined;
  let length = get('Length');
  if (!length) {
    if (version <= 3) length = 40;
    else if (cf instanceof Map && stmf instanceof Name) length = keyBits(streamFilter instanceof Map ? resolve(streamFilter.get('Length')) : undefined);
  }
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 40 || length % 8 !== 0) throw unsupported(file, `密钥长度 ${String(length)}`);
  const owner = bytes('O');
  const user = bytes('U');
  let key: Uint8Array | null;
  if (version === 5) key = userKey20(revision === 6, user, bytes('UE'));
  else {
    const flags = get('P');
    const encryptMetadata = version === 4 && get('EncryptMetadata') !== false;
    key = userKey(owner.subarray(0, 32), user.subarray(0, 32), typeof flags === 'number' ? flags : 0, typeof revision === 'number' ? revision : 0, length, id, encryptMetadata);
    if (key && version === 4 && key.length < 16) key = Uint8Array.from({ length: 16 }, (_, i) => key![i] ?? 0);
  }
  if (!key) throw passwordProtected(file);
  const fileKey = key;
  const method = version === 1 || version === 2 ? 'V2' : streamMethod(resolve(cf instanceof Map ? cf.get(stmf instanceof Name ? stmf.name : 'Identity') : undefined), resolve);
  if (method === 'AESV3' && key.length !== 32) throw unsupported(file, 'AESV3 密钥');
  const decrypt: StreamDecryptor = (data, num, gen) => {
    switch (method) {
      case 'V2':
        return rc4(objectKey(fileKey, num, gen, false), data);
      case 'AESV2':
        return aes('aes-128-cbc', objectKey(fileKey, num, gen, true), data);
      case 'AESV3':
        return aes('aes-256-cbc', fileKey, data);
      default:
        return data;
    }
  };
  return { key: `${method} ${Buffer.from(fileKey).toString('hex')}`, decrypt };
}

/** The crypt filter's method for streams; pdf.js leaves data as it is without one (or with /None). */
function streamMethod(streamFilter: PdfObject | undefined, resolve: PdfScan['resolve']): string {
  const cfm = streamFilter instanceof Map ? resolve(streamFilter.get('CFM')) : undefined;
  return cfm instanceof Name ? cfm.name : 'None';
}

/** A crypt filter's /Length: in bytes as written, or in bits (pdf.js takes under 40 as bytes). */
function keyBits(length: PdfObject | undefined): number {
  const value = typeof length === 'number' && length ? length : 128;
  return value < 40 ? value << 3 : value;
}

/** Revisions 2–4 (algorithms 2 and 6 of ISO 32000-1): the file key for the empty user password, or null when the file needs one. */
function userKey(owner: Uint8Array, user: Uint8Array, flags: number, revision: number, bits: number, id: Uint8Array, encryptMetadata: boolean): Uint8Array | null {
  const p = new Uint8Array(4);
  new DataView(p.buffer).setInt32(0, flags, true);
  const n = bits >> 3;
  let digest = md5(PADDING, owner, p, id, revision >= 4 && !encryptMetadata ? new Uint8Array(4).fill(0xff) : new Uint8Array(0));
  if (revision >= 3) for (let i = 0; i < 50; i++) digest = md5(digest.subarray(0, n));
  const key = digest.subarray(0, n);
  let check: Uint8Array;
  if (revision >= 3) {
    check = rc4(key, md5(PADDING, id));
    for (let i = 1; i <= 19; i++) check = rc4(key.map((b) => b ^ i), check);
  } else check = rc4(key, PADDING);
  return check.every((b, i) => user[i] === b) ? key : null;
}

/** V 5 (AES-256; revision 6 hashes as ISO 32000-2 does, any other as revision 5): the file key for the empty user password, or null. */
function userKey20(revision6: boolean, user: Uint8Array, userEncryption: Uint8Array): Uint8Array | null {
  const hashOf = (salt: Uint8Array) => (revision6 ? hash2B(salt) : hash('sha256', salt));
  const expected = hashOf(user.subarray(32, 40));
  if (user.length < 48 || !expected.every((b, i) => user[i] === b)) return null;
  const decipher = createDecipheriv('aes-256-cbc', hashOf(user.subarray(40, 48)), new Uint8Array(16)).setAutoPadding(false);
  return new Uint8Array(decipher.update(userEncryption.subarray(0, 32)));
}

/** ISO 32000-2's hash (algorithm 2.B) for the empty password and no owner data (exported for the tests that write revision-6 files). */
export function hash2B(salt: Uint8Array): Uint8Array {
  let k = hash('sha256', salt);
  let e = new Uint8Array(0);
  for (let round = 0; round < 64 || e.at(-1)! > round - 32; round++) {
    const k1 = new Uint8Array(k.length * 64);
    for (let j = 0; j < 64; j++) k1.set(k, j * k.length);
    const cipher = createCipheriv('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32)).setAutoPadding(false);
    e = new Uint8Array(Buffer.concat([cipher.update(k1), cipher.final()]));
    const remainder = e.subarray(0, 16).reduce((sum, b) => sum + b, 0) % 3;
    k = hash(remainder === 0 ? 'sha256' : remainder === 1 ? 'sha384' : 'sha512', e);
  }
  return k.subarray(0, 32);
}

/** Algorithm 1: the key for one object's strings and streams. */
function objectKey(key: Uint8Array, num: number, gen: number, aes: boolean): Uint8Array {
  const suffix = [num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, gen & 0xff, (gen >> 8) & 0xff, ...(aes ? [0x73, 0x41, 0x6c, 0x54] : [])];
  return md5(key, Uint8Array.from(suffix)).subarray(0, Math.min(key.length + 5, 16));
}

/** RC4, which OpenSSL 3 no longer offers by default. */
function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Uint8Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    const t = s[i]!;
    s[i] = s[j]!;
    s[j] = t;
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

/** AES-CBC with the IV in the first 16 bytes; the padding is left on (a few bytes too many to count, never too few). */
function aes(cipher: 'aes-128-cbc' | 'aes-256-cbc', key: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length < 32) return new Uint8Array(0);
  const decipher = createDecipheriv(cipher, key, data.subarray(0, 16)).setAutoPadding(false);
  return new Uint8Array(decipher.update(data.subarray(16, data.length - ((data.length - 16) % 16))));
}
