import { DETAIL_SIZE, type FlowNode, TITLE_SIZE } from './graph.js';
import type { Layout, PlacedEdge, PlacedNode, Point } from './layout.js';
import { escapeXml } from './text.js';

export interface SvgOptions {
  /** A link for a step's box (the duty on the item page, say). */
  stepHref?: (stepId: string) => string | undefined;
  /** Step ids to highlight: the current step of a case, say. */
  highlight?: readonly string[];
  /** Steps already done, drawn muted. */
  done?: readonly string[];
}

const COLORS = { stroke: '#33415c', task: '#f4f7fb', current: '#fff4d6', done: '#e6f4ea', text: '#1b2433', muted: '#5b6577', edge: '#5b6577' };

const round = (n: number) => Math.round(n * 10) / 10;

function lines(node: PlacedNode, cx: number, top: number): string {
  const out: string[] = [];
  let y = top;
  for (const line of node.title) {
    y += TITLE_SIZE * 1.4;
    out.push(`<tspan x="${round(cx)}" y="${round(y - TITLE_SIZE * 0.35)}" font-size="${TITLE_SIZE}" font-weight="600">${escapeXml(line)}</tspan>`);
  }
  for (const line of node.details) {
    y += DETAIL_SIZE * 1.4;
    out.push(`<tspan x="${round(cx)}" y="${round(y - DETAIL_SIZE * 0.35)}" font-size="${DETAIL_SIZE}" fill="${COLORS.muted}">${escapeXml(line)}</tspan>`);
  }
  return out.join('');
}

function fullText(node: FlowNode): string {
  const step = node.step;
  if (!step) return node.title.join('');
  const parts = [step.name];
  if (step.deadline) parts.push(`时限：${step.deadline.raw}`);
  if (step.documents.length > 0) parts.push(`文书：${step.documents.map((d) => `《${d}》`).join('')}`);
  return parts.join('\n');
}

/** A label in the box the layout gave it (`at` is its top left). */
function labelSvg(text: string, at: Point): string {
  return `<text x="${round(at.x)}" y="${round(at.y + DETAIL_SIZE)}" font-size="${DETAIL_SIZE}" fill="${COLORS.muted}">${escapeXml(text)}</text>`;
}

function nodeSvg(node: PlacedNode, options: SvgOptions): string {
  const cx = node.x + node.width / 2;
  const cy = node.y + node.height / 2;
  if (node.kind === 'start' || node.kind === 'end') {
    const r = node.width / 2;
    const stroke = node.kind === 'end' ? 3 : 1.5;
    return `<g class="event ${node.kind}" id="${escapeXml(node.id)}"><title>${escapeXml(node.title.join(''))}</title><circle cx="${round(cx)}" cy="${round(cy)}" r="${round(r - stroke / 2)}" fill="#fff" stroke="${COLORS.stroke}" stroke-width="${stroke}"/>${node.labelBox ? labelSvg(node.title.join(''), node.labelBox) : ''}</g>`;
  }
  if (node.kind === 'gateway') {
    const p = [
      [cx, node.y],
      [node.x + node.width, cy],
      [cx, node.y + node.height],
      [node.x, cy],
    ];
    return `<g class="gateway" id="${escapeXml(node.id)}"><title>分支</title><polygon points="${p.map(([x, y]) => `${round(x as number)},${round(y as number)}`).join(' ')}" fill="#fff" stroke="${COLORS.stroke}" stroke-width="1.5"/><path d="M${round(cx - 8)} ${round(cy - 8)}L${round(cx + 8)} ${round(cy + 8)}M${round(cx + 8)} ${round(cy - 8)}L${round(cx - 8)} ${round(cy + 8)}" stroke="${COLORS.stroke}" stroke-width="2"/></g>`;
  }
  const stepId = node.step?.id ?? '';
  const fill = options.highlight?.includes(stepId) ? COLORS.current : options.done?.includes(stepId) ? COLORS.done : COLORS.task;
  const box = `<rect x="${round(node.x)}" y="${round(node.y)}" width="${round(node.width)}" height="${round(node.height)}" rx="6" fill="${fill}" stroke="${COLORS.stroke}" stroke-width="${options.highlight?.includes(stepId) ? 2.5 : 1.2}"/><text text-anchor="middle" fill="${COLORS.text}">${lines(node, cx, node.y + 10)}</text>`;
  const href = options.stepHref?.(stepId);
  const body = href ? `<a href="${escapeXml(href)}">${box}</a>` : box;
  return `<g class="step" id="step-${escapeXml(stepId)}" data-step="${escapeXml(stepId)}"><title>${escapeXml(fullText(node))}</title>${body}</g>`;
}

function edgeSvg(edge: PlacedEdge): string {
  if (edge.points.length < 2) return '';
  const d = edge.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)} ${round(p.y)}`).join('');
  const label = edge.label && edge.labelBox ? labelSvg(edge.label, edge.labelBox) : '';
  return `<g class="flow" id="${escapeXml(edge.id)}"><path d="${d}" fill="none" stroke="${COLORS.edge}" stroke-width="1.3" marker-end="url(#arrow)"/>${label}</g>`;
}

/** A laid-out flowchart as a standalone SVG document: no scripts, no external resources. */
export function renderSvg(layout: Layout, title: string, options: SvgOptions = {}): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-labelledby="flow-title" font-family="'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif">`,
    `<title id="flow-title">${escapeXml(title)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${COLORS.edge}"/></marker></defs>`,
    ...layout.edges.map(edgeSvg),
    ...layout.nodes.map((n) => nodeSvg(n, options)),
    '</svg>',
  ].join('\n');
}
