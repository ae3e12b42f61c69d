import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { DETAIL_SIZE, type FlowEdge, type FlowGraph, type FlowNode } from './graph.js';
import { textWidth } from './text.js';

export interface Point {
  x: number;
  y: number;
}

/** A label's place: top left, and the size ELK kept clear for it. */
export interface LabelBox extends Point {
  width: number;
  height: number;
}

export interface PlacedNode extends FlowNode {
  x: number;
  y: number;
  /** An event's name, which is drawn outside its circle. */
  labelBox?: LabelBox;
}

export interface PlacedEdge extends FlowEdge {
  /** Start, bends, end. */
  points: Point[];
  labelBox?: LabelBox;
}

export interface Layout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

const MARGIN = 16;

const OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.spacing.nodeNode': '28',
  'elk.spacing.edgeLabel': '4',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.edgeLabels.inline': 'false',
  'elk.spacing.labelNode': '4',
  'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
};

/**
 * Where an event's name goes: ELK places it and keeps edges and other nodes clear of it.
 * Above the start, where nothing arrives (its one flow leaves from the bottom), and below
 * the end, which nothing leaves.
 */
const EVENT_LABEL: Partial<Record<FlowNode['kind'], string>> = {
  start: 'OUTSIDE H_CENTER V_TOP',
  end: 'OUTSIDE H_CENTER V_BOTTOM',
};

function elkNode(n: FlowNode): ElkNode {
  const placement = EVENT_LABEL[n.kind];
  if (!placement) return { id: n.id, width: n.width, height: n.height };
  const text = n.title.join('');
  return {
    id: n.id,
    width: n.width,
    height: n.height,
    labels: [{ text, width: Math.ceil(textWidth(text, DETAIL_SIZE)), height: DETAIL_SIZE + 4 }],
    layoutOptions: { 'elk.nodeLabels.placement': placement },
  };
}

/** An ELK label's box, moved from its parent's coordinates by `origin`; nothing when ELK did not place it. */
function labelBoxOf(label: { x?: number; y?: number; width?: number; height?: number }, origin: Point): { labelBox: LabelBox } | Record<string, never> {
  if (label.x === undefined || label.y === undefined) return {};
  return { labelBox: { x: origin.x + label.x, y: origin.y + label.y, width: label.width ?? 0, height: label.height ?? 0 } };
}

/** Lays the graph out top to bottom with ELK's layered algorithm and orthogonal edges. */
export async function layoutGraph(graph: FlowGraph): Promise<Layout> {
  // Loaded on first use: ELK is 1.6 MB of script, which every command that merely can draw
  // a flowchart (quanze case, quanze serve) would parse at start. A CommonJS module: its
  // default export is reached through `.default` under NodeNext.
  const { default: ElkModule } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ElkModule.default();
  const root: ElkNode = {
    id: 'root',
    layoutOptions: OPTIONS,
    children: graph.nodes.map(elkNode),
    edges: graph.edges.map(
      (e): ElkExtendedEdge => ({
        id: e.id,
        sources: [e.from],
        targets: [e.to],
        ...(e.label ? { labels: [{ text: e.label, width: e.labelWidth ?? 40, height: DETAIL_SIZE + 4 }] } : {}),
      }),
    ),
  };
  const out = await elk.layout(root);
  const byId = new Map((out.children ?? []).map((c) => [c.id, c]));
  const nodes = graph.nodes.map((n): PlacedNode => {
    const placed = byId.get(n.id);
    const x = (placed?.x ?? 0) + MARGIN;
    const y = (placed?.y ?? 0) + MARGIN;
    const label = placed?.labels?.[0];
    return { ...n, x, y, ...(label ? labelBoxOf(label, { x, y }) : {}) };
  });
  const edgeById = new Map((out.edges ?? []).map((e) => [e.id, e as ElkExtendedEdge]));
  const edges = graph.edges.map((e): PlacedEdge => {
    const section = edgeById.get(e.id)?.sections?.[0];
    const label = edgeById.get(e.id)?.labels?.[0];
    const shift = (p: Point) => ({ x: p.x + MARGIN, y: p.y + MARGIN });
    const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map(shift) : [];
    return { ...e, points, ...(label ? labelBoxOf(label, { x: MARGIN, y: MARGIN }) : {}) };
  });
  return { width: Math.ceil((out.width ?? 0) + MARGIN * 2), height: Math.ceil((out.height ?? 0) + MARGIN * 2), nodes, edges };
}
