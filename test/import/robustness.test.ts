import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMATS, ImportError, importBytes } from '../../src/ingest/index.js';
import { SAMPLES, type SampleName, sampleText } from '../helpers/samples.js';

const encoder = new TextEncoder();

/** Imports and returns null on the typed import error; anything else propagates and fails the property. */
async function importOrTypedError(bytes: Uint8Array): Promise<ImportError | null> {
  try {
    await importBytes('fuzz.txt', bytes);
    return null;
  } catch (error) {
    if (error instanceof ImportError) {
      expect(error.file).toBe('fuzz.txt');
      expect(error.message).toMatch(/^fuzz\.txt/);
      return error;
    }
    throw error;
  }
}

const names = Object.keys(SAMPLES) as SampleName[];
const mutation = fc.record({
  sample: fc.constantFrom(...names),
  cuts: fc.array(
    fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(400), insert: fc.oneof(fc.string(), fc.constantFrom('\t', '\n', '|', '\n\n\t7\n', '<p>', '》', '第', '1.', '【')) }),
    { maxLength: 6 },
  ),
  truncate: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
});

interface Mutation {
  cuts: { at: number; remove: number; insert: string }[];
  truncate: number | null;
}

function mutate(text: string, m: Mutation): string {
  let out = text;
  for (const cut of m.cuts) {
    const at = Math.floor(cut.at * out.length);
    out = out.slice(0, at) + cut.insert + out.slice(at + cut.remove);
  }
  if (m.truncate !== null) out = out.slice(0, Math.floor(m.truncate * out.length));
  return out;
}

describe('import never fails with anything but ImportError', () => {
  it('mutated and truncated samples', async () => {
    const texts = Object.fromEntries(names.map((n) => [n, sampleText(n)]));
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        await importOrTypedError(encoder.encode(mutate(texts[m.sample] as string, m)));
      }),
      { numRuns: 60 },
    );
  });

  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 4000 }), async (bytes) => {
        await importOrTypedError(bytes);
      }),
      { numRuns: 150 },
    );
  });

  it('names the file and the problem for an empty file and an unknown format', async () => {
    await expect(importBytes('空.txt', new Uint8Array())).rejects.toThrow(/^空\.txt：文件是空的/);
    const error = await importOrTypedError(encoder.encode('这只是一段普通的文字，没有表格。\n'));
    expect(error?.code).toBe('unknown-format');
    expect(error?.message).toBe('fuzz.txt：无法识别文件格式：不是已知的清单表格或流程图文本');
    // The advice is the caller's to phrase (the CLI's --from, the API's from parameter).
    expect(error?.advice).toEqual({ kind: 'choose-format', formats: FORMATS });
  });
});

describe('binary containers are never decoded as text', () => {
  it.each([
    ['a PDF whose first bytes hold no NUL', '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'],
    ['a ZIP (XLSX/DOCX) header', 'PK\u0003\u0004broken'],
  ])('%s goes to the binary readers', async (_, content) => {
    const error = await importOrTypedError(new Uint8Array(Buffer.from(content, 'latin1')));
    expect(error?.code).not.toBe('bad-encoding');
  });
});
