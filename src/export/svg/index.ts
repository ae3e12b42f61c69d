import type { ProcessDefinition } from '../../workflow/process/index.js';
import { toFlowGraph } from './graph.js';
import { layoutGraph } from './layout.js';
import { renderSvg, type SvgOptions } from './render.js';

export { type FlowEdge, type FlowGraph, type FlowNode, type NodeKind, nodeIds, toFlowGraph } from './graph.js';
export { type LabelBox, type Layout, layoutGraph, type PlacedEdge, type PlacedNode, type Point } from './layout.js';
export type { SvgOptions } from './render.js';
export { escapeXml, textWidth, wrapText } from './text.js';

/**
 * A process definition drawn as an SVG flowchart (ELK layered layout, top to bottom):
 * boxes with each step's name, deadline and documents, diamonds where the flow branches.
 * Every piece of text is escaped; the SVG carries no script.
 *
 * @example const svg = await processSvg(definition, { stepHref: (id) => `#${id}` });
 */
export async function processSvg(definition: ProcessDefinition, options: SvgOptions = {}): Promise<string> {
  const layout = await layoutGraph(toFlowGraph(definition));
  return renderSvg(layout, definition.name, options);
}
