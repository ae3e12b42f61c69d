import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Level, PowerItem, PowerList } from '../../model/index.js';
import { POWER_TYPES } from '../../model/index.js';
import { accountabilityCell, dutyCell, item, powerList, provision, provisionCell } from './factories.js';

/**
 * Deterministic lists for search tests, built from the text of the bundled samples: real
 * legal Chinese with its punctuation, full-width digits, stray markup and line breaks.
 */
const SAMPLES = fileURLToPath(new URL('../../../data/samples/', import.meta.url));

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

/** A seeded generator (mulberry32), so corpora and query sets are the same on every run. */
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

export interface CorpusSpec {
  lists: number;
  itemsPerList: number;
  seed: number;
}

const LEVELS: Level[] = ['省级', '市级', '县级'];

export function corpus({ lists, itemsPerList, seed }: CorpusSpec): PowerList[] {
  const rnd = seeded(seed);
  const { short, long } = sampleFragments();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: PowerList[] = [];
  for (let l = 0; l < lists; l++) {
    const department = `测试${'甲乙丙丁戊己庚辛壬癸'[l % 10]}${l}局`;
    const items: PowerItem[] = [];
    for (let i = 0; i < itemsPerList; i++) {
      const title = pick(long).slice(0, 12);
      items.push(
        item({
          seq: rnd() < 0.1 ? null : String(i + 1),
          name: pick(short),
          type: rnd() < 0.05 ? '行政 处罚（暂行）' : pick(POWER_TYPES),
          ...(rnd() < 0.3 ? { subItem: pick(short) } : {}),
          subject: rnd() < 0.5 ? department : pick(['市场监管所', '保密办', department]),
          office: pick(short).slice(0, 8),
          basis: provisionCell(pick(long), [provision(title, pick(long))]),
          duties: dutyCell([
            { name: '立案', text: pick(long) },
            { name: '调查', text: pick(short) },
          ]),
          ...(rnd() < 0.5 ? { dutyBasis: pick(long) } : {}),
          accountability: accountabilityCell([pick(short), pick(long)]),
          ...(rnd() < 0.5 ? { accountabilityBasis: pick(long) } : {}),
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
    const chars = [...texts[Math.floor(rnd() * texts.length)]!];
    const length = lengths[Math.floor(rnd() * lengths.length)]!;
    const at = Math.floor(rnd() * Math.max(1, chars.length - length));
    out.add(chars.slice(at, at + length).join(''));
  }
  return [...out, '法', '《', '：', '第五十四条', '行政处罚', '中华人民共和国', 'ＧＢ', 'gb', '  保 密  ', '不存在的词语组合', '犇'];
}
