import type { CitationResolver } from '../align/index.js';

/**
 * What the server's queries need besides the store, built once when the app starts: the
 * law registry, as the resolver alignment reads citations with.
 */
export interface ServerEnv {
  /** Without it, alignment compares cited titles as written. */
  resolver?: CitationResolver;
}
