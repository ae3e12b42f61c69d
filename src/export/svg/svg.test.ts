import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../ingest/index.js';
import { definitionsOfList, type ProcessDefinition, validateDefinition } from '../../workflow/process/index.js';
import { toFlowGraph } from './graph.js';
import { processSvg } from './index.js';
import { layoutGraph, type PlacedNode, type Point } from './layout.js';
import { renderSvg } from './render.js';
import { escapeXml, textWidth, wrapText } from './text.js';

const SAMPLES = ['000_02bf2a8e6665d46e.txt', '001_7632346c82027c4f.txt', '002_0a622c9ed900c315.txt', '003_1a02e0d312fedcb4.txt', '004_a6a5239ed012e120.txt'];
/** Every flowchart the samples give: each item's (as its page draws it) and each 流程图 sheet's. */
const defs: ProcessDefinition[] = [];
beforeAll(async () => {
  for (const file of SAMPLES) {
    const list = await importFile(fileURLToPath(new URL(`../../../data/samples/${file}`, import.meta.url)));
    for (const d of definitionsOfList(list)) if (d.ok) defs.push(d.definition);
  }
});

/** Text outside tags: what a viewer shows. Escaped output has no angle bracket left in it. */
const textOutsideTags = (svg: string) => svg.replace(/<\/?[a-zA-Z][^<>]*>/g, '');

const manual = (names: string[], flows: { from: string; to: string; condition?: string }[]) =>
  validateDefinition({
    schemaVersion: 1,
    name: '分支',
    source: { kind: 'manual' },
    steps: names.map((name, i) => ({ id: `s${i + 1}`, name, text: '', documents: [] })),
    flows,
    start: 's1',
  });

/** Branches, conditions on them and a way back: what an edited definition may hold. */
const BRANCHED = [
  manual(
    ['受理', '审查', '发证', '补正材料'],
    [
      { from: 's1', to: 's2' },
      { from: 's2', to: 's3', condition: '通过' },
      { from: 's2', to: 's4', condition: '不通过' },
      { from: 's4', to: 's2' },
    ],
  ),
  manual(
    ['受理', '审查', '现场核查', '决定', '退回'],
    [
      { from: 's1', to: 's2' },
      { from: 's2', to: 's3', condition: '需要核查' },
      { from: 's2', to: 's4', condition: '材料齐全无需核查' },
      { from: 's2', to: 's5', condition: '不通过' },
      { from: 's3', to: 's4' },
      { from: 's5', to: 's1', condition: '重新提交' },
    ],
  ),
];

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** The element's group: a node, or the flow a condition belongs to. */
  owner: string;
  what: string;
}

const attr = (tag: string, name: string) => Number(tag.match(new RegExp(`\\s${name}="([-\\d.]+)"`))?.[1]);

/**
 * What the SVG draws, read back from its elements: each node's outline (the box around a
 * circle or diamond), each flow's segments, and each label's box (its width as the
 * renderer measures text, from a little above the baseline to a little below it).
 */
function drawnGeometry(svg: string) {
  const nodes: Box[] = [];
  const labels: Box[] = [];
  const segments: { owner: string; a: Point; b: Point }[] = [];
  for (const [, kind = '', owner = '', body = ''] of svg.matchAll(/<g class="([^"]+)" id="([^"]+)"[^>]*>([\s\S]*?)<\/g>/g)) {
    const shape = body.match(/<(rect|circle|polygon)\s[^>]*>/)?.[0];
    if (kind === 'flow') {
      const points = [...(body.match(/\sd="([^"]+)"/)?.[1] ?? '').matchAll(/[ML]([-\d.]+) ([-\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
      for (let i = 1; i < points.length; i++) segments.push({ owner, a: points[i - 1] as Point, b: points[i] as Point });
    } else if (shape?.startsWith('<rect')) {
      const [x, y] = [attr(shape, 'x'), attr(shape, 'y')];
      nodes.push({ left: x, top: y, right: x + attr(shape, 'width'), bottom: y + attr(shape, 'height'), owner, what: owner });
    } else if (shape?.startsWith('<circle')) {
      const [cx, cy, r] = [attr(shape, 'cx'), attr(shape, 'cy'), attr(shape, 'r') + attr(shape, 'stroke-width') / 2];
      nodes.push({ left: cx - r, top: cy - r, right: cx + r, bottom: cy + r, owner, what: owner });
    } else if (shape?.startsWith('<polygon')) {
      const corners = (shape.match(/points="([^"]+)"/)?.[1] ?? '').split(' ').map((p) => p.split(',').map(Number));
      const xs = corners.map(([x]) => x as number);
      const ys = corners.map(([, y]) => y as number);
      nodes.push({ left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys), owner, what: owner });
    }
    // Labels drawn on their own: a step's lines are tspans inside its box, which the box checks cover.
    for (const [tag, text = ''] of body.matchAll(/<text\s[^>]*>([^<]*)<\/text>/g)) {
      const size = attr(tag, 'font-size');
      const width = textWidth(text, size);
      const left = tag.includes('text-anchor="middle"') ? attr(tag, 'x') - width / 2 : attr(tag, 'x');
      const baseline = attr(tag, 'y');
      labels.push({ left, top: baseline - size * 0.9, right: left + width, bottom: baseline + size * 0.2, owner, what: `“${text}”` });
    }
  }
  return { nodes, labels, segments };
}

const overlap = (p: Box, q: Box) => p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom;
/** Whether an orthogonal segment passes through a box. */
const crosses = (a: Point, b: Point, box: Box) =>
  overlap({ left: Math.min(a.x, b.x) - 0.01, right: Math.max(a.x, b.x) + 0.01, top: Math.min(a.y, b.y) - 0.01, bottom: Math.max(a.y, b.y) + 0.01, owner: '', what: '' }, box);

/** Where a drawing puts one thing over another it does not belong to. */
function collisions(svg: string): string[] {
  const { nodes, labels, segments } = drawnGeometry(svg);
  const out: string[] = [];
  nodes.forEach((n, i) => {
    for (const m of nodes.slice(i + 1)) if (overlap(n, m)) out.push(`${n.what} 与 ${m.what} 重叠`);
  });
  labels.forEach((l, i) => {
    for (const s of segments) if (s.owner !== l.owner && crosses(s.a, s.b, l)) out.push(`${l.what}（${l.owner}）压在连线 ${s.owner} 上`);
    for (const n of nodes) if (n.owner !== l.owner && overlap(n, l)) out.push(`${l.what}（${l.owner}）压在 ${n.what} 上`);
    for (const m of labels.slice(i + 1)) if (overlap(m, l)) out.push(`${l.what} 与 ${m.what} 重叠`);
  });
  return out;
}

describe('processSvg on the samples', () => {
  it('draws a box per step, a start and an end, and an arrow per flow; nothing is drawn over what it does not belong to', async () => {
    expect(defs.length).toBeGreaterThan(50);
    for (const def of defs) {
      const layout = await layoutGraph(toFlowGraph(def));
      const svg = renderSvg(layout, def.name);
      expect(collisions(svg), def.name).toEqual([]);
      expect(svg.match(/<g class="step"/g)).toHaveLength(def.steps.length);
      expect(svg.match(/<g class="flow"/g)).toHaveLength(def.flows.length + 2);
      expect(textOutsideTags(svg)).not.toMatch(/[<>]/);
      // A chain is drawn top to bottom in its order.
      const ys = def.steps.map((s) => layout.nodes.find((n) => n.step?.id === s.id)?.y ?? -1);
      expect([...ys].sort((x, y) => x - y)).toEqual(ys);
      for (const edge of layout.edges) expect(edge.points.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('shows each step’s deadline and documents, and links steps when asked', async () => {
    const licence = defs.find((d) => d.name.startsWith('商用密码产品销售许可')) as ProcessDefinition;
    const svg = await processSvg(licence, { stepHref: (id) => `#duty-${id}`, highlight: ['s4'] });
    expect(svg).toContain('时限：自受理申请之日起5个工作日内');
    expect(svg).toContain('《商用密码产品销售许可证》');
    expect(svg).toContain('href="#duty-s4"');
    expect(svg).toMatch(/id="step-s4"[\s\S]*?stroke-width="2.5"/);
  });

  it('draws a diamond where a step has several ways out, with the conditions', async () => {
    const def = validateDefinition({
      schemaVersion: 1,
      name: '分支',
      source: { kind: 'manual' },
      steps: ['受理', '决定', '发证', '不予许可'].map((name, i) => ({ id: `s${i + 1}`, name, text: '', documents: [] })),
      flows: [
        { from: 's1', to: 's2' },
        { from: 's2', to: 's3', condition: '批准' },
        { from: 's2', to: 's4', condition: '不批准' },
      ],
      start: 's1',
    });
    const svg = await processSvg(def);
    expect(svg.match(/<g class="gateway"/g)).toHaveLength(1);
    expect(svg).toContain('>批准<');
    expect(svg).toContain('>不批准<');
  });

  it('with branches and a way back, still puts no condition or name over a line or box', async () => {
    for (const def of BRANCHED) {
      const svg = await processSvg(def);
      expect(svg).toContain('>不通过<');
      expect(collisions(svg), def.name).toEqual([]);
    }
  });

  it('starts at the top and ends at the bottom even when a flow leads back', async () => {
    for (const def of BRANCHED) {
      const { nodes } = await layoutGraph(toFlowGraph(def));
      const start = nodes.find((n) => n.kind === 'start') as PlacedNode;
      const end = nodes.find((n) => n.kind === 'end') as PlacedNode;
      for (const n of nodes.filter((m) => m.kind !== 'start' && m.kind !== 'end')) {
        expect(start.y + start.height, n.id).toBeLessThan(n.y);
        expect(end.y, n.id).toBeGreaterThan(n.y + n.height);
      }
    }
  });
});

describe('escaping and wrapping (properties)', () => {
  it('no step text can put markup into the SVG', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }), fc.string({ maxLength: 20 }), async (name, doc) => {
        const def = validateDefinition({
          schemaVersion: 1,
          name,
          source: { kind: 'manual' },
          steps: [{ id: 'a', name, text: name, documents: doc ? [doc] : [], deadline: { raw: name, anchor: { kind: 'step-entered' } } }],
          flows: [],
          start: 'a',
        });
        const svg = await processSvg(def);
        return !/[<>]/.test(textOutsideTags(svg)) && !/&(?!(amp|lt|gt|quot|#39);)/.test(svg);
      }),
      { numRuns: 40 },
    );
  });

  it('wraps text into lines that keep every character, in order, unless it runs out of lines', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 20, max: 300 }), (text, width) => {
        const lines = wrapText(text, 14, width, 100);
        return lines.join('').replace(/ /g, '') === text.replace(/\s+/g, '');
      }),
    );
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
  });
});
