import { Hono } from 'hono';
import { IdParams } from '../api/params.js';
import { parseRequest } from '../../problem/index.js';
import { derivedBpmn, derivedSvg } from '../item-flow.js';
import { itemDetail } from '../queries.js';
import type { StorePort } from '../store-port.js';

/**
 * Downloads of the process derived from an item's 责任事项: BPMN 2.0 for modellers
 * (bpmn.io, Camunda …) and the SVG flowchart the item page shows.
 */
export function processExportRoutes(store: StorePort): Hono {
  const routes = new Hono();

  routes.get('/items/:id/process.bpmn', async (c) => {
    const { id } = parseRequest(IdParams, c.req.param());
    const xml = await derivedBpmn(await itemDetail(store, id));
    return c.body(xml, 200, { 'Content-Type': 'application/xml; charset=utf-8', 'Content-Disposition': `attachment; filename="item-${id}.bpmn"` });
  });

  routes.get('/items/:id/process.svg', async (c) => {
    const { id } = parseRequest(IdParams, c.req.param());
    const svg = await derivedSvg(await itemDetail(store, id));
    return c.body(svg, 200, { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Content-Disposition': `inline; filename="item-${id}.svg"` });
  });

  return routes;
}
