import { buildRegistry, Law, type LawInput, type LawLibrary, makeLibrary } from '../../law/index.js';

/** A fact for test laws: every field of a test registry is sourced to the test itself. */
export const TEST_FACT = { source: '测试数据', verified: true } as const;

/**
 * A library of made-up laws, for what data/laws does not hold (a repealed law, say).
 *
 * @example libraryWith([{ id: 'mou-tiaoli', title: '某某管理条例', … }])
 */
export async function libraryWith(laws: readonly LawInput[]): Promise<LawLibrary> {
  const parsed = laws.map((l) => Law.parse(l));
  return makeLibrary(buildRegistry('test-registry', parsed).registry);
}
