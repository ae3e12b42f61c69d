import { ImportError } from '../../errors.js';
import { inflateBudget, overBudget } from '../../unpack-budget.js';
import { type Stage, measure } from './decode.js';
import { stagesOf } from './filters.js';
import { zlibHeader } from './inflate.js';
import { scanPdf } from './objects.js';
import { streamDecryptors } from './security.js';

export { passwordProtected } from './security.js';

/**
 * Refuses a PDF whose streams decode to more than inflateBudget(its size), the rule ZIPs
 * (workbooks, Word documents) are held to, before pdf.js reads it: pdf.js keeps what it
 * decodes in memory, and a small PDF can hold a stream (content, font, object stream) that
 * inflates to gigabytes, or filters chained to multiply. Every stream is decoded as pdf.js
 * would decode it, counted and dropped: Flate, LZW, RunLength, ASCII85, ASCIIHex and Brotli,
 * chained as its dictionary says, every stage's output counted. A stream that is merely
 * damaged counts what decodes before the damage; saying it is damaged is pdf.js's business.
 * Object streams count as the streams they are; what is packed in them is never a stream.
 *
 * The count errs towards more: every stream counts, also one no page uses, and a stream
 * whose filters are in doubt counts its largest reading (see readings). The budget is
 * generous enough for that: the list PDFs of the tests decode to under 1 MB of 64.
 * Not counted: what image decoders (DCT, JPX, JBIG2, CCITT) make of their data.
 *
 * Encrypted PDFs (an /Encrypt in the trailer) are decrypted first, with the empty user
 * password pdf.js opens them with (see security.ts); one that needs a password is refused
 * here with the message pdf.js's refusal gets.
 */
export function checkPdfBudget(file: string, bytes: Uint8Array): void {
  const scan = scanPdf(bytes);
  const decryptors = streamDecryptors(file, scan);
  const budget = inflateBudget(bytes.length);
  const stages = scan.streams.map((stream) => (stream.dict ? stagesOf(stream.dict, scan.resolve) : null));
  if (scan.tangled) throw new ImportError('bad-structure', file, TANGLED);
  let total = 0;
  for (const [i, stream] of scan.streams.entries()) {
    const data = bytes.subarray(stream.start, stream.end);
    // Streams that are not encrypted (cross-reference streams, metadata when the file says
    // so) read as they are; the rest decrypted. Which is which is pdf.js's to say, so both count.
    const sources = [data, ...decryptors.map((decrypt) => decrypt(data, stream.num, stream.gen))];
    let most = 0;
    for (const source of sources) {
      for (const chain of readings(stages[i]!, source)) {
        const used = measure(source, chain, budget - total);
        if (used > budget - total) throw overBudget(file, bytes.length, budget, PDF_BOMB);
        most = Math.max(most, used);
      }
    }
    total += most;
  }
}

const PDF_BOMB = { packed: 'PDF 中的压缩数据', normal: '正常的 PDF 文档' };
const TANGLED = 'PDF 的对象相互嵌套重叠，读出其结构要花的工夫远超正常的 PDF 文档：可能是恶意构造的文件，拒绝读取';

/**
 * The ways to decode a stream: as its dictionary says and, when that does not start with
 * Flate but the data starts as a zlib stream does, also as Flate. So a Flate bomb cannot
 * hide behind a dictionary whose filters cannot be followed (a reference into an object
 * stream), nor behind one a crafted file makes read differently here than in pdf.js.
 */
function readings(stages: Stage[] | null, data: Uint8Array): Stage[][] {
  const out: Stage[][] = stages && stages.length > 0 ? [stages] : [];
  if (stages?.[0]?.filter !== 'flate' && zlibHeader(data)) out.push([{ filter: 'flate' }]);
  return out;
}
