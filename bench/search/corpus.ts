import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importFile } from '../../src/ingest/index.js';
import type { PowerItem, PowerList } from '../../src/model/index.js';
import { type DocumentFields, documentFields } from './queries.js';
import { DEPARTMENT_KINDS, POOL_SAMPLES, type Pool, regions } from './vocabulary.js';

/**
 * The search corpus: a province's lists at every level, generated deterministically from the
 * samples. Every item is a real sample item (its 实施依据, 责任事项, 追责情形… cells kept
 * exactly, so the text is real legal Chinese) under a name recombined from the samples'
 * names: "对" + the object of one sample name + the ending of another ("…的处罚").
 * Bump CORPUS_VERSION whenever the generator changes, so cached databases are rebuilt.
 */
export const CORPUS_VERSION = 1;

const SAMPLES = fileURLToPath(new URL('../../data/samples/', import.meta.url));

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

/** A seeded generator (mulberry32): the same seed gives the same corpus on every machine. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const cell = (text: string) => ({ text, raw: text, flags: [] });

/** A name for an item made from `template`: its own name, or its ending on another object. */
function itemName(rnd: () => number, template: Template, own: Template[], all: Template[], region: string): string {
  if (template.ending === null) return template.item.name.text;
  const roll = rnd();
  if (roll < 0.35) return template.item.name.text;
  const donors = (roll < 0.8 ? own : all).filter((t) => t.object !== null);
  let object = donors[Math.floor(rnd() * donors.length)]!.object!;
  if (rnd() < 0.15) object += `或者${donors[Math.floor(rnd() * donors.length)]!.object!}`;
  // A few local powers name their place, which gives the corpus rare terms.
  if (rnd() < 0.03) object = `${region}行政区域内${object}`;
  return `对${object}${template.ending}`;
}

export interface CorpusSpec {
  items: number;
  seed: number;
}

/**
 * The lists of the corpus, one department at a time (50–500 items each) until `items`
 * items are made. Deterministic in (templates, spec).
 */
export function* generateLists(templates: Templates, { items, seed }: CorpusSpec): Generator<PowerList> {
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
          const template = pool[Math.floor(rnd() * pool.length)]!;
          const name = itemName(rnd, template, pool, all, region.name);
          const generated: PowerItem = {
            ...template.item,
            seq: String(position + 1),
            name: cell(name),
            subject: cell(department),
            office: cell(kind.offices[Math.floor(rnd() * kind.offices.length)]!),
            provenance: { ...template.item.provenance, record: position },
          };
          delete generated.impliedSeq;
          if (rnd() < 0.1) {
            const donor = pool[Math.floor(rnd() * pool.length)]!;
            const clause = (donor.object ?? donor.item.name.text).split('、')[0]!;
            generated.subItem = cell(clause);
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

/** One list of the corpus as the bench needs it: where its items start among all documents. */
export interface CorpusList {
  department: string;
  start: number;
  count: number;
}

export interface CorpusDocs {
  /** Per item, its searchable fields normalised (see documentFields). */
  docs: DocumentFields[];
  lists: CorpusList[];
}

/** Every item of the corpus reduced to what search looks at, lists in import order. */
export function corpusDocs(templates: Templates, spec: CorpusSpec): CorpusDocs {
  const memo = new Map<string, string>();
  const docs: DocumentFields[] = [];
  const lists: CorpusList[] = [];
  for (const list of generateLists(templates, spec)) {
    lists.push({ department: list.department!, start: docs.length, count: list.items.length });
    for (const item of list.items) docs.push(documentFields(item, memo));
  }
  return { docs, lists };
}
