import { describe, expect, it } from 'vitest';
import { withoutFlowchartSyntax } from '../../src/ingest/flowchart-text/index.js';
import { importFile } from '../../src/ingest/index.js';
import { SAMPLES, type SampleName, samplePath, sampleText } from '../helpers/samples.js';
import { charCounts, keptText, missingCharacters, withoutTableSyntax } from '../helpers/lossless.js';

describe('import is lossless', () => {
  it.each(Object.keys(SAMPLES) as SampleName[])('every non-whitespace character of %s is kept', async (name) => {
    const list = await importFile(samplePath(name));
    // Structure is not content: Markdown pipes, and the flowchart's field labels and list numbers
    // (which the flowchart reader's own tests pin down to exactly those characters).
    const text = sampleText(name);
    const input =
      list.source.format === 'markdown-table' ? withoutTableSyntax(text) : list.source.format === 'flowchart-text' ? withoutFlowchartSyntax(text) : text;
    expect(missingCharacters(input, keptText(list))).toEqual([]);
  });

  it('the check itself notices a dropped cell', async () => {
    const list = await importFile(samplePath('liangzhou'));
    const item = list.items[3];
    if (!item) throw new Error('sample changed');
    const cells = item.provenance.cells.filter((c) => c.header !== '实施依据');
    const damaged = { ...list, items: list.items.map((it, i) => (i === 3 ? { ...it, provenance: { ...it.provenance, cells } } : it)) };
    const missing = missingCharacters(withoutTableSyntax(sampleText('liangzhou')), keptText(damaged));
    expect(missing.length).toBeGreaterThan(0);
    expect(charCounts('a b\tc')).toEqual(new Map([['a', 1], ['b', 1], ['c', 1]]));
  });
});
