/** A path from segments, each URL-encoded. */
export function href(segments: readonly (string | number)[], hash?: string): string {
  return `/${segments.map((s) => encodeURIComponent(String(s))).join('/')}${hash ? `#${encodeURIComponent(hash)}` : ''}`;
}
