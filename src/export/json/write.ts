import type { PowerList } from '../../model/index.js';

/**
 * The list as quanze's JSON: the canonical model itself, every parsed structure, raw cell,
 * provenance, process sheet, residue and finding included; `quanze import` reads it back.
 */
export function writeJson(list: PowerList): string {
  return `${JSON.stringify(list, null, 2)}\n`;
}
