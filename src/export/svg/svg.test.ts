import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../ingest/index.js';
import { definitionsOfList, type ProcessDefinition, validateDefinition } from '../../workflow/process/index.js';
import { toFlowGraph } from './graph.js';
import { processSvg } from './index.js';
import { layoutGraph } from './layout.js';
import { escapeXml, wrapText } from './text.js';

const SAMPLES = ['000_02bf2a8e6665d46e.txt', '002_0a622c9ed900c315.txt', '004_a6a5239ed012e120.txt'];
const defs: ProcessDefinition[] = [];
beforeAll(async () => {
  for (const file of SAMPLES) {
    const list = await importFile(fileURLToPath(new URL(`../../../data/samples/${file}`, import.meta.url)));
    for (const d of definitionsOfList(list).slice(0, 3)) if (d.ok) defs.push(d.definition);
  }
});

/** Text outside tags: what a viewer shows. Escaped output has no angle bracket left in it. */
const textOutsideTags = (svg: string) => svg.replace(/<\/?[a-zA-Z][^<>]*>/g, '');

describe('processSvg on the samples', () => {
  it('draws a box per step, a start and an end, and an arrow per flow; boxes never overlap', async () => {
    for (const def of defs) {
      const graph = toFlowGraph(def);
      const layout = await layoutGraph(graph);
      const svg = await processSvg(def);
      expect(svg.match(/<g class="step"/g)).toHaveLength(def.steps.length);
      expect(svg.match(/<g class="flow"/g)).toHaveLength(def.flows.length + 2);
      expect(textOutsideTags(svg)).not.toMatch(/[<>]/);
      const boxes = layout.nodes;
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i] as (typeof boxes)[number];
          const b = boxes[j] as (typeof boxes)[number];
          const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
          expect(apart, `${a.id} / ${b.id}`).toBe(true);
        }
      }
      // A chain is drawn top to bottom in its order.
      const ys = def.steps.map((s) => boxes.find((n) => n.step?.id === s.id)?.y ?? -1);
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
