/** [start, end) offsets into the text the citation was extracted from. */
export type Span = readonly [number, number];

/** One point cited: 第X条[之Y][第Z款][第（W）项], with where it is written. */
export interface CitedRef {
  article: number;
  /** 之一 → 1. */
  sub?: number;
  paragraph?: number;
  item?: number;
  /** The chapter a list wrote before the article (第四章第二十条); articles are numbered through the text, so it only informs. */
  chapter?: number;
  /** Where this reference is written. An article inside a range (第四十一条至第四十三条 → 42) has the range's span. */
  span: Span;
  /** The text at `span`. */
  raw: string;
}

export type HintEvent = 'adopted' | 'amended' | 'promulgated' | 'effective';

/**
 * A clue to the version cited, read from the note after a title: an order or document
 * number (主席令第28号, 国保发〔2013〕14号) or a dated event (2010年4月29日…修订).
 */
export type VersionHint =
  | { kind: 'order'; order: string; raw: string; span: Span }
  | { kind: 'date'; date: string; events: HintEvent[]; raw: string; span: Span }
  | { kind: 'year'; year: number; events: HintEvent[]; raw: string; span: Span };

/**
 * How the citation names its law: a 《title》, a bare short title (民事诉讼法), a context word
 * (本法, 本条例, 该法) standing for a law named before, an article that continues the
 * provision before it ("。第六十二条：…"), or a bare article inside another citation's text.
 */
export type CitationVia = 'title' | 'alias' | 'context' | 'continuation' | 'bare';

/** What the title's last word says it is: a law or rule, a form or certificate, or neither. */
export type TitleKind = 'law' | 'document' | 'unknown';

export interface Citation {
  /** From the first character naming the law (or the first reference) to the last reference. */
  span: Span;
  via: CitationVia;
  /**
   * The law's title: as written for `title` and `alias` (without 《》 and surrounding spaces),
   * or the title of the citation it refers to for `context`, `continuation` and `bare`;
   * undefined when nothing it could refer to was found.
   */
  title?: string;
  /** Where `title` is written (for a context word: where the law it stands for is named). */
  titleSpan?: Span;
  titleKind: TitleKind;
  /** 本法, 该条例 …, for `via: 'context'`. */
  contextWord?: string;
  /** The level tag before the title (【法律】 → 法律). */
  level?: string;
  /** The bracketed note after the title, without its brackets. */
  note?: { text: string; span: Span };
  hints: VersionHint[];
  refs: CitedRef[];
  /**
   * Whether the citation opens a provision of the cell (after a line start, an enumerator, a
   * level tag or a full stop) rather than being mentioned inside another one's text.
   */
  topLevel: boolean;
  /** The law text the list quotes after the references, up to the next provision. */
  quote?: { text: string; span: Span };
  /** Index (in the same result) of the citation a context word, continuation or bare article takes its law from. */
  parent?: number;
}

export interface ExtractOptions {
  /**
   * Short and full titles to find without 《》 (民事诉讼法, 商用密码管理条例); usually every
   * title and alias of the registry (see `titleLexicon`).
   */
  titles?: readonly string[];
  /**
   * Titles the surrounding text cites, for context words with nothing to refer to inside the
   * text itself: a duty cell's 本条例 means the law of the item's 实施依据.
   */
  context?: readonly string[];
}
