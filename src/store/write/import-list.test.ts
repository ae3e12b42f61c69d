import { describe, expect, it } from 'vitest';
import { SAMPLES, type SampleName, samplePath } from '../../../test/helpers/samples.js';
import { importFile } from '../../ingest/index.js';
import { PowerList } from '../../model/index.js';
import { runToEnd } from '../../pace/index.js';
import { finding, item, powerList } from '../testing/factories.js';
import { listIssues } from './import-list.js';

describe('listIssues: the model checked an item at a time', () => {
  it('gives back the list the whole list\'s parse gives, for every sample', async () => {
    for (const name of Object.keys(SAMPLES) as SampleName[]) {
      const list = await importFile(samplePath(name));
      const whole = PowerList.parse(list);
      const checked = runToEnd(listIssues(list));
      expect(checked.issues, name).toBeNull();
      expect(checked.list, name).toEqual(whole);
      // Members the model does not know are left out, as the whole parse leaves them out.
      expect(runToEnd(listIssues({ ...list, stray: 1, items: list.items.map((i) => ({ ...i, stray: 2 })) })).list).toEqual(whole);
    }
  });

  it('reports the issues the whole list\'s parse reports, in its order', () => {
    const good = powerList({ items: [item({ name: '甲' }), item({ name: '乙' })], findings: [finding()] });
    const bad: unknown[] = [
      { ...good, items: [good.items[0], { ...good.items[1], name: 42 }, { ...good.items[0], seq: 7 }] },
      // Before the items in the model (title, columns), among them, and after them (residue, findings).
      { ...good, title: 3, columns: 'x', items: [{ ...good.items[0], powerType: null }], residue: {}, findings: [{ ...good.findings[0], severity: '严重' }] },
      { ...good, schemaVersion: 2 },
      { ...good, items: 'not a list' },
      { ...good, items: undefined },
      null,
      '清单',
    ];
    for (const input of bad) {
      const whole = PowerList.safeParse(input);
      expect(whole.success).toBe(false);
      expect(runToEnd(listIssues(input))).toEqual({ list: null, issues: whole.error?.issues });
    }
  });
});
