/**
 * quanze's law layer: the versioned registry (data/laws), citation extraction from list
 * cells, and resolution of each citation to a law, a version and an article.
 */
export * from './citations/index.js';
export * from './registry/index.js';
export * from './resolve/index.js';
