import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Level, PowerItem, PowerList } from '../../model/index.js';
import { POWER_TYPES } from '../../model/index.js';
import { importFile } from '../../ingest/index.js';
import { pick, seeded } from './random.js';
import { accountabilityCell, dutyCell, item, powerList, provision, provisionCell, textCell } from './factories.js';
import { DEPARTMENT_KINDS, POOL_SAMPLES, type Pool, regions } from './vocabulary.js';

/**
 * The one home of generated data for tests and benchmarks: a seeded generator, and two
 * corpora built from the bundled samples. Both are deterministic in their seed, so a test's
 * expectations and a benchmark's documented numbers hold on every run and machine.
 *
 * - `corpus` + `querySet`: small lists of sample text fragments for the store's search tests
 *   (and `measure-search.ts`).
 * - `loadTemplates` + `generateLists`: a province's lists of real sample items under
 *   recombined names, the corpus of bench/search (its numbers in bench/README.md depend on
 *   it staying byte for byte the same: bump CORPUS_VERSION on any change).
 *
 * Its numbers come from `./random.ts`, as do other generators' (bench/align's, bench/deadlines').
 */
const SAMPLES = fileURLToPath(new URL('../../../data/samples/', import.meta.url));

/** The samples' text cut at cell and record boundaries: short pieces (≤ 40 characters) and long ones. */
export function sampleFragments(): { short: string[]; long: string[] } {
  const pieces = new Set<string>();
  for (const file of readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort()) {
    for (const piece of readFileSync(SAMPLES + file, 'utf8').split(/[\t|]+|\n(?=\S)/)) {
      const text = piece.replace(/^\s+|\s+$/g, '');
      if ([...text].length >= 3) pieces.add(text);
    }
  }
  const all = [...pieces];
  return { short: all.filter((p) => [...p].length <= 40), long: all.filter((p) => [...p].length > 40) };
}

export interface CorpusSpec {
  lists: number;
  itemsPerList: number;
  seed: number;
}

const LEVELS: Level[] = ['省级', '市级', '县级'];

/**
 * Lists of sample text fragments in every searchable field, with the oddities search must
 * handle (missing 序号, a power type with spaces, optional fields).
 */
export function corpus({ lists, itemsPerList, seed }: CorpusSpec): PowerList[] {
  const rnd = seeded(seed);
  const { short, long } = sampleFragments();
  const out: PowerList[] = [];
  for (let l = 0; l < lists; l++) {
    const department = `测试${'甲乙丙丁戊己庚辛壬癸'[l % 10]}${l}局`;
    const items: PowerItem[] = [];
    for (let i = 0; i < itemsPerList; i++) {
      const title = pick(rnd, long).slice(0, 12);
      items.push(
        item({
          seq: rnd() < 0.1 ? null : String(i + 1),
          name: pick(rnd, short),
          type: rnd() < 0.05 ? '行政 处罚（暂行）' : pick(rnd, POWER_TYPES),
          ...(rnd() < 0.3 ? { subItem: pick(rnd, short) } : {}),
          subject: rnd() < 0.5 ? department : pick(rnd, ['市场监管所', '保密办', department]),
          office: pick(rnd, short).slice(0, 8),
          basis: provisionCell(pick(rnd, long), [provision(title, pick(rnd, long))]),
          duties: dutyCell([
            { name: '立案', text: pick(rnd, long) },
            { name: '调查', text: pick(rnd, short) },
          ]),
          ...(rnd() < 0.5 ? { dutyBasis: pick(rnd, long) } : {}),
          accountability: accountabilityCell([pick(rnd, short), pick(rnd, long)]),
          ...(rnd() < 0.5 ? { accountabilityBasis: pick(rnd, long) } : {}),
          exemption: '免责情形只在此列，不参与搜索',
          record: i,
        }),
      );
    }
    out.push(powerList({ department, title: `${department}权责清单`, level: LEVELS[l % LEVELS.length]!, file: `list-${l}.txt`, items }));
  }
  return out;
}

/** Queries drawn from the corpus text (so most hit) at lengths 1–12, plus fixed edge cases. */
export function querySet(lists: readonly PowerList[], count: number, seed: number): string[] {
  const rnd = seeded(seed);
  const texts = lists.flatMap((l) =>
    l.items.flatMap((i) => [i.name.text, i.subItem?.text, i.basis?.text, i.duties?.text, i.accountability?.text].filter((t): t is string => !!t)),
  );
  const lengths = [1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 6, 8, 12];
  const out = new Set<string>();
  while (out.size < count) {
    const chars = [...pick(rnd, texts)];
    const length = pick(rnd, lengths);
    const at = Math.floor(rnd() * Math.max(1, chars.length - length));
    out.add(chars.slice(at, at + length).join(''));
  }
  return [...out, '法', '《', '：', '第五十四条', '行政处罚', '中华人民共和国', 'ＧＢ', 'gb', '  保 密  ', '不存在的词语组合', '犇'];
}

/**
 * The province corpus of bench/search: a province's lists at every level. Every item is a
 * real sample item (its 实施依据, 责任事项, 追责情形… cells kept exactly, so the text is real
 * legal Chinese) under a name recombined from the samples' names: "对" + the object of one
 * sample name + the ending of another ("…的处罚"). Bump CORPUS_VERSION whenever the generator
 * changes, so cached databases are rebuilt.
 */
export const CORPUS_VERSION = 1;

export interface Template {
  item: PowerItem;
  /** "对X的Y" split into X and "的Y"; null for names of another shape, which are kept whole. */
  object: string | null;
  ending: string | null;
}

export interface Templates {
  byPool: Record<Pool, Template[]>;
  columns: Record<Pool, PowerList['columns']>;
}

/** Splits "对泄密案件有关事项的密级鉴定" into its object and the ending after the last 的. */
export function splitName(name: string): { object: string; ending: string } | null {
  const match = /^对(.+)(的[^的]+)$/.exec(name);
  return match ? { object: match[1]!, ending: match[2]! } : null;
}

/** The items of the samples, by the kind of department that holds them. */
export async function loadTemplates(): Promise<Templates> {
  const files = readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const byPool = { cipher: [], secrecy: [], cyberspace: [] } as Record<Pool, Template[]>;
  const columns = {} as Record<Pool, PowerList['columns']>;
  for (const pool of Object.keys(POOL_SAMPLES) as Pool[]) {
    for (const prefix of POOL_SAMPLES[pool]) {
      const file = files.find((f) => f.startsWith(`${prefix}_`));
      if (!file) throw new Error(`样例 ${prefix}_* 不在 ${SAMPLES}`);
      const list = await importFile(SAMPLES + file);
      columns[pool] ??= list.columns;
      for (const item of list.items) {
        const parts = splitName(item.name.text);
        byPool[pool].push({ item, object: parts?.object ?? null, ending: parts?.ending ?? null });
      }
    }
  }
  return { byPool, columns };
}

/** A name for an item made from `template`: its own name, or its ending on another object. */
function itemName(rnd: () => number, template: Template, own: Template[], all: Template[], region: string): string {
  if (template.ending === null) return template.item.name.text;
  const roll = rnd();
  if (roll < 0.35) return template.item.name.text;
  const donors = (roll < 0.8 ? own : all).filter((t) => t.object !== null);
  let object = pick(rnd, donors).object!;
  if (rnd() < 0.15) object += `或者${pick(rnd, donors).object!}`;
  // A few local powers name their place, which gives the corpus rare terms.
  if (rnd() < 0.03) object = `${region}行政区域内${object}`;
  return `对${object}${template.ending}`;
}

export interface ProvinceSpec {
  items: number;
  seed: number;
}

/**
 * The lists of the province corpus, one department at a time (50–500 items each) until
 * `items` items are made. Deterministic in (templates, spec).
 *
 * @example for (const list of generateLists(await loadTemplates(), { items: 20_000, seed: 1 })) await store.importList(list);
 */
export function* generateLists(templates: Templates, { items, seed }: ProvinceSpec): Generator<PowerList> {
  const rnd = seeded(seed);
  const all = Object.values(templates.byPool).flat();
  const places = regions();
  let made = 0;
  for (let round = 0; made < items; round++) {
    for (const region of places) {
      for (const kind of DEPARTMENT_KINDS) {
        if (made >= items) return;
        const department = `${region.name}${kind.suffix}${round === 0 ? '' : `第${round + 1}分局`}`;
        const count = Math.min(items - made, 50 + Math.floor(rnd() * 451));
        const pool = templates.byPool[kind.pool];
        const listItems: PowerItem[] = [];
        for (let position = 0; position < count; position++) {
          const template = pick(rnd, pool);
          const name = itemName(rnd, template, pool, all, region.name);
          const generated: PowerItem = {
            ...template.item,
            seq: String(position + 1),
            name: textCell(name),
            subject: textCell(department),
            office: textCell(pick(rnd, kind.offices)),
            provenance: { ...template.item.provenance, record: position },
          };
          delete generated.impliedSeq;
          if (rnd() < 0.1) {
            const donor = pick(rnd, pool);
            const clause = (donor.object ?? donor.item.name.text).split('、')[0]!;
            generated.subItem = textCell(clause);
          } else delete generated.subItem;
          listItems.push(generated);
        }
        const body = `${CORPUS_VERSION}:${seed}:${department}:${count}`;
        yield {
          schemaVersion: 1,
          title: `${department}权责清单`,
          department,
          region: region.name,
          level: region.level,
          source: { file: `${department}.txt`, format: 'tab-records', sha256: createHash('sha256').update(body).digest('hex'), bytes: body.length },
          columns: templates.columns[kind.pool],
          items: listItems,
          processSheets: [],
          residue: [],
          findings: [],
        };
        made += count;
      }
    }
  }
}
