/**
 * Seeded randomness for generated test and benchmark data, in a module of its own so a
 * generator that needs only numbers (bench/align measures its workers' peak memory) does not
 * load the file readers with the sample corpus.
 */

/** A seeded generator (mulberry32): the same seed gives the same numbers in [0, 1) on every machine. */
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

/** One element of `xs`, drawing one number from `rnd`. */
export function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}
