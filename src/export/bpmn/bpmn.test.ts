import { fileURLToPath } from 'node:url';
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../ingest/index.js';
import { definitionsOfList, type ProcessDefinition, validateDefinition } from '../../workflow/process/index.js';
import { layoutGraph, toFlowGraph } from '../svg/index.js';
import { toBpmnXml } from './index.js';

const defs: ProcessDefinition[] = [];
beforeAll(async () => {
  for (const file of ['000_02bf2a8e6665d46e.txt', '002_0a622c9ed900c315.txt', '004_a6a5239ed012e120.txt']) {
    const list = await importFile(fileURLToPath(new URL(`../../../data/samples/${file}`, import.meta.url)));
    for (const d of definitionsOfList(list).slice(0, 2)) if (d.ok) defs.push(d.definition);
  }
});

/** A step with two ways out, each with its condition. */
const branchingDefinition = () =>
  validateDefinition({
    schemaVersion: 1,
    name: '分支',
    source: { kind: 'manual' },
    steps: ['决定', '发证', '不予许可'].map((name, i) => ({ id: `s${i + 1}`, name, text: '', documents: [] })),
    flows: [
      { from: 's1', to: 's2', condition: '批准' },
      { from: 's1', to: 's3', condition: '不批准' },
    ],
    start: 's1',
  });

const ofType = (byId: Record<string, ModdleElement>, type: string) => Object.values(byId).filter((e) => e.$type === type);

describe('toBpmnXml', () => {
  it('writes BPMN 2.0 that bpmn-moddle reads back without warnings: tasks, flows, documents and a diagram', async () => {
    for (const def of defs) {
      const xml = await toBpmnXml(def);
      const { warnings, elementsById } = await BpmnModdle().fromXML(xml);
      expect(warnings, def.name).toEqual([]);
      const tasks = ofType(elementsById, 'bpmn:UserTask');
      expect(tasks.map((t) => t.get('name'))).toEqual(def.steps.map((s) => s.name));
      expect(ofType(elementsById, 'bpmn:SequenceFlow')).toHaveLength(def.flows.length + 2);
      expect(ofType(elementsById, 'bpmn:DataObjectReference').map((d) => d.get('name'))).toEqual(def.steps.flatMap((s) => s.documents.map((d) => `《${d}》`)));
      expect(ofType(elementsById, 'bpmndi:BPMNShape')).toHaveLength(tasks.length + 2 + def.steps.reduce((n, s) => n + s.documents.length, 0));
      expect(ofType(elementsById, 'bpmndi:BPMNEdge')).toHaveLength(def.flows.length + 2);
    }
  });

  it('places the names drawn outside their shapes (events, conditions) where the SVG draws them, clear of every shape', async () => {
    const branching = branchingDefinition();
    for (const def of [...defs, branching]) {
      const layout = await layoutGraph(toFlowGraph(def));
      const { elementsById } = await BpmnModdle().fromXML(await toBpmnXml(def));
      const rect = (b: ModdleElement) => ({ x: Number(b.get('x')), y: Number(b.get('y')), width: Number(b.get('width')), height: Number(b.get('height')) });
      const box = (di: ModdleElement) => {
        const b = (di.get('label') as ModdleElement | undefined)?.get('bounds') as ModdleElement | undefined;
        return b && rect(b);
      };
      const shapes = ofType(elementsById, 'bpmndi:BPMNShape');
      const events = shapes.filter((s) => ['bpmn:StartEvent', 'bpmn:EndEvent'].includes((s.get('bpmnElement') as ModdleElement).$type));
      expect(events.map(box), def.name).toEqual(['start', 'end'].map((kind) => layout.nodes.find((n) => n.kind === kind)?.labelBox));
      const conditions = ofType(elementsById, 'bpmndi:BPMNEdge').filter((e) => (e.get('bpmnElement') as ModdleElement).get('name'));
      expect(conditions.map(box), def.name).toEqual(layout.edges.filter((e) => e.label).map((e) => e.labelBox));
      for (const label of [...events, ...conditions].map(box)) {
        expect(label?.width, def.name).toBeGreaterThan(0);
        for (const shape of shapes) {
          const b = rect(shape.get('bounds') as ModdleElement);
          const apart = label!.x + label!.width <= b.x || b.x + b.width <= label!.x || label!.y + label!.height <= b.y || b.y + b.height <= label!.y;
          expect(apart, `${def.name}: a label over ${shape.get('id')}`).toBe(true);
        }
      }
      if (def === branching) expect(conditions).toHaveLength(2);
    }
  });

  it('documents each step’s deadline with what starts its clock', async () => {
    const licence = defs.find((d) => d.name.startsWith('商用密码产品销售许可')) as ProcessDefinition;
    const { elementsById } = await BpmnModdle().fromXML(await toBpmnXml(licence));
    const decide = elementsById.Task_s6 as ModdleElement;
    const text = (decide.get('documentation') as ModdleElement[])[0]?.get('text');
    expect(text).toContain('时限：自受理申请之日起20个工作日内（自环节 s3 完成之日起算');
  });

  it('turns several ways out of a step into an exclusive gateway with conditions', async () => {
    const def = branchingDefinition();
    const { elementsById, warnings } = await BpmnModdle().fromXML(await toBpmnXml(def));
    expect(warnings).toEqual([]);
    const [gateway] = ofType(elementsById, 'bpmn:ExclusiveGateway');
    expect(((gateway as ModdleElement).get('outgoing') as ModdleElement[]).map((f) => f.get('name'))).toEqual(['批准', '不批准']);
    expect(ofType(elementsById, 'bpmn:EndEvent')).toHaveLength(1);
  });
});
