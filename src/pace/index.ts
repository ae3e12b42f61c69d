/**
 * Long work on the main thread in slices: the event loop goes round between them, so a site
 * doing it (publishing a large list) goes on answering others.
 */
export { pacer, runPaced, runToEnd, SLICE_MS, type Steps } from './pacer.js';
