import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditList } from '../../src/audit/index.js';
import { importFile } from '../../src/ingest/index.js';
import { citationsOfItem, extractCitations, type LawLibrary, openLawLibrary } from '../../src/law/index.js';
import { SAMPLES, type SampleName, samplePath, sampleText } from '../helpers/samples.js';

const LAWS = fileURLToPath(new URL('../../data/laws/', import.meta.url));

let library: LawLibrary;
beforeAll(async () => {
  library = await openLawLibrary();
});

/** Every object that says whether it was verified, with its path in the file. */
function facts(value: unknown, path: string, out: Array<{ path: string; fact: Record<string, unknown> }>) {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) facts(v, `${path}[${i}]`, out);
  }
  else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if ('verified' in obj) out.push({ path, fact: obj });
    for (const [k, v] of Object.entries(obj)) facts(v, `${path}.${k}`, out);
  }
  return out;
}

describe('registry integrity', () => {
  it('every fact of every law file names its source', () => {
    const files = readdirSync(LAWS).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(20);
    let count = 0;
    for (const file of files) {
      for (const { path, fact } of facts(JSON.parse(readFileSync(LAWS + file, 'utf8')), file, [])) {
        count++;
        expect(typeof fact.source === 'string' && fact.source.trim() !== '', `${path} has no source`).toBe(true);
        expect(typeof fact.verified, path).toBe('boolean');
      }
    }
    expect(count).toBeGreaterThan(200);
  });

  for (const name of Object.keys(SAMPLES) as SampleName[]) {
    it(`every law title cited in ${SAMPLES[name]} is in the registry or reported as unknown`, async () => {
      const list = await importFile(samplePath(name));
      const cited = new Set<string>();
      for (const item of list.items) {
        for (const cell of citationsOfItem(item, list.columns, { titles: library.titles })) {
          for (const c of cell.citations) if (c.title !== undefined && c.titleKind !== 'document') cited.add(c.title);
        }
      }
      // Text outside items (titles, flowcharts) too.
      for (const c of extractCitations(sampleText(name), { titles: library.titles })) {
        if (c.title !== undefined && c.titleKind !== 'document') cited.add(c.title);
      }
      const findings = auditList(list, { library, today: '2026-11-23' });
      const reported = new Set(findings.filter((f) => f.ruleId === 'citation-broken').map((f) => f.data.title));
      for (const title of cited) {
        const known = library.registry.classifyTitle(title).kind === 'law';
        expect(known || reported.has(title), `《${title}》 is neither in the registry nor reported`).toBe(true);
      }
    });
  }
});
