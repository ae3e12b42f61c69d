/**
 * The script of a worker thread kept beside `base` (the caller's import.meta.url): in a
 * compiled build, `<name>.js`; from the sources, `<name>-entry.mjs`, which registers tsx in
 * the new thread (a thread does not inherit the loader) and then loads `<name>.ts`.
 */
export function threadScript(base: string, name: string): URL {
  return new URL(base.endsWith('.js') ? `./${name}.js` : `./${name}-entry.mjs`, base);
}
