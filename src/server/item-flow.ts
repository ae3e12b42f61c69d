import { deriveFromItem, isProcessError, itemProcessSvg, type ProcessDefinition, processSvg, toBpmnXml } from '../workflow/index.js';
import { href } from './views/format.js';
import type { ItemFlow } from './views/item.js';
import { notFound } from './http/problem.js';
import type { ItemDetail } from './store-port.js';

/** The part of the case store the item page reads: the process definition saved for an item. */
export interface ProcessLookup {
  processForItem(itemRef: string): Promise<{ id: string; version: number } | null>;
}

/**
 * The item page's flowchart: drawn from the item's 责任事项, with downloads of the stored
 * definition (what cases of the item run on) when there is one, else of the one derived
 * from the item.
 */
export async function itemFlow(detail: ItemDetail, processes?: ProcessLookup): Promise<ItemFlow> {
  const [svg, stored] = await Promise.all([itemProcessSvg(detail.item), processes?.processForItem(detail.id) ?? null]);
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
