import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../ingest/index.js';
import { type PowerList, PowerList as PowerListSchema } from '../../../model/index.js';
import { referenceMatches } from '../../search/reference.js';
import type { ImportOutcome, Store } from '../../types.js';
import { querySet } from '../corpus.js';
import type { TestDatabases } from '../databases.js';
import { storeContext } from './context.js';

const SAMPLES = fileURLToPath(new URL('../../../../data/samples/', import.meta.url));

/** The bundled samples read by the real importer, stored and searched. */
export function samplesSuite(dbs: TestDatabases): void {
  describe('bundled samples', () => {
    const ctx = storeContext(dbs);
    let store: Store;
    const lists: PowerList[] = [];
    const outcomes: ImportOutcome[] = [];

    beforeAll(async () => {
      ({ store } = await ctx.open());
      for (const name of readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort()) {
        const list = await importFile(SAMPLES + name);
        lists.push(list);
        outcomes.push(await store.importList(list));
      }
    });

    it('stores each sample as a list and gives it back unchanged', async () => {
      expect(outcomes.map((o) => o.status)).toEqual(lists.map(() => 'created'));
      expect(outcomes.map((o) => o.items)).toEqual(lists.map((l) => l.items.length));
      for (const [i, outcome] of outcomes.entries()) {
        expect(await store.getPowerList(outcome.versionId)).toEqual(PowerListSchema.parse(lists[i]));
      }
      for (const list of lists) expect((await store.importList(list)).status).toBe('unchanged');
      const details = await Promise.all(outcomes.map((o) => store.getList(o.listId)));
      expect(details.map((d) => d?.metadata.processSheets.length)).toEqual(lists.map((l) => l.processSheets.length));
      const summaries = await store.listLists();
      expect(summaries.map((s) => s.processCount)).toEqual(lists.map((l) => l.processSheets.length));
    });

    it('finds in the samples what a substring match finds', async () => {
      const entries = lists.flatMap((list, l) => list.items.map((item, position) => ({ item, listId: outcomes[l]!.listId, position })));
      for (const q of querySet(lists, 60, 11)) {
        const page = await store.search({ q, pageSize: 1000 });
        const want = referenceMatches(entries, q).map((e) => `${e.listId}/${e.position}`).sort();
        expect(page.items.map((h) => `${h.listId}/${h.position}`).sort(), JSON.stringify(q)).toEqual(want);
      }
    });
  });
}
