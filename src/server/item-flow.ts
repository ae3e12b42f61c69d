import { ByteLru } from './cache/lru.js';
import { deriveFromItem, isProcessError, itemProcessSvg, type ProcessDefinition, processSvg, toBpmnXml } from '../workflow/index.js';
import { href } from './views/format.js';
import type { ItemFlow } from './views/item.js';
import { notFound } from '../problem/index.js';
import type { ItemDetail } from './store-port.js';

/** The part of the case store the item page reads: the process definition saved for an item. */
export interface ProcessLookup {
  processForItem(itemRef: string): Promise<StoredRef | null>;
}

/** A stored process definition, as the item page names it. */
export interface StoredRef {
  id: string;
  version: number;
}

/**
 * Flowchart SVGs by item id. An item's id names fixed content (a changed list is imported
 * as a new version with new item ids), so a drawing never goes stale; only memory bounds it.
 */
export type FlowchartCache = ByteLru<string, { svg: string | null }>;

export function flowchartCache(maxBytes: number): FlowchartCache {
  // UTF-16 in memory: two bytes a code unit, plus the entry itself.
  return new ByteLru(maxBytes, (entry) => 2 * (entry.svg?.length ?? 0) + 64);
}

/** The item's flowchart drawn from its 责任事项 (laid out once per item while it stays cached). */
async function flowchartSvg(detail: ItemDetail, cache: FlowchartCache | undefined): Promise<string | null> {
  const cached = cache?.get(detail.id);
  if (cached) return cached.svg;
  const svg = await itemProcessSvg(detail.item);
  cache?.set(detail.id, { svg });
  return svg;
}

/**
 * The item page's flowchart: drawn from the item's 责任事项, with downloads of the stored
 * definition (what cases of the item run on) when there is one, else of the one derived
 * from the item.
 */
export async function itemFlow(detail: ItemDetail, stored: StoredRef | null, cache?: FlowchartCache): Promise<ItemFlow> {
  const svg = await flowchartSvg(detail, cache);
  if (stored) {
    const base = ['api', 'processes', stored.id];
    const version = { version: stored.version };
    return { svg, bpmnHref: href([...base, 'bpmn'], version), svgHref: href([...base, 'svg'], version), stored: { id: stored.id, version: stored.version } };
  }
  return { svg, bpmnHref: href(['items', detail.id, 'process.bpmn']), svgHref: href(['items', detail.id, 'process.svg']) };
}

/** The process derived from an item's 责任事项; a 404 when it has no numbered step to draw. */
export function derivedProcess(detail: ItemDetail): ProcessDefinition {
  try {
    return deriveFromItem(detail.item, { itemRef: detail.id, ...(detail.department ? { department: detail.department } : {}) });
  } catch (error) {
    if (isProcessError(error)) throw notFound(`事项“${detail.item.name.text}”没有可画成流程图的办理环节：${error.message}`);
    throw error;
  }
}

export function derivedBpmn(detail: ItemDetail): Promise<string> {
  return toBpmnXml(derivedProcess(detail), { processId: `Process_item_${detail.id}` });
}

export function derivedSvg(detail: ItemDetail): Promise<string> {
  return processSvg(derivedProcess(detail));
}
