import { BpmnModdle, type BpmnModdleInstance, type ModdleElement } from 'bpmn-moddle';
import type { ProcessDefinition, StepDef } from '../../workflow/process/index.js';
import { type FlowNode, type LabelBox, type Layout, layoutGraph, toFlowGraph } from '../svg/index.js';

export interface BpmnOptions {
  /** The process element's id; letters, digits, "_" and "-" only. Defaults to "Process_1". */
  processId?: string;
}

function documentation(moddle: BpmnModdleInstance, text: string): ModdleElement[] {
  return text.trim() ? [moddle.create('bpmn:Documentation', { text })] : [];
}

/** A step's text, deadline and basis as BPMN documentation: plain text a modeller shows. */
function stepDocumentation(step: StepDef): string {
  const parts = [step.text.trim()];
  if (step.unit) parts.push(`承办：${step.unit}`);
  if (step.deadline) {
    const anchor = step.deadline.anchor;
    const from = anchor.kind === 'case-opened' ? '自立案（受理）之日' : anchor.kind === 'step-entered' ? '自进入本环节之日' : `自环节 ${anchor.step} 完成之日`;
    const counted = step.deadline.amount !== undefined ? `（${from}起算，按工作日历计算${step.deadline.rule ? `，规则 ${step.deadline.rule}` : ''}）` : '';
    parts.push(`时限：${step.deadline.raw}${counted}`);
  }
  if (step.documents.length > 0) parts.push(`文书：${step.documents.map((d) => `《${d}》`).join('、')}`);
  if (step.basis.length > 0) parts.push(`依据：${step.basis.join('；')}`);
  return parts.filter(Boolean).join('\n');
}

function bounds(moddle: BpmnModdleInstance, node: { x: number; y: number; width: number; height: number }): ModdleElement {
  return moddle.create('dc:Bounds', { x: node.x, y: node.y, width: node.width, height: node.height });
}

/**
 * A process definition as BPMN 2.0 XML, built with bpmn-moddle: a start event, a user task
 * per step (its text, deadline, documents and basis as documentation; each document a data
 * object the task writes), exclusive gateways where the flow branches, an end event, and a
 * diagram (BPMNDI) laid out by ELK, so modellers such as bpmn.io open it as drawn.
 *
 * @example const xml = await toBpmnXml(definition);
 */
export async function toBpmnXml(definition: ProcessDefinition, options: BpmnOptions = {}): Promise<string> {
  const moddle = BpmnModdle();
  const graph = toFlowGraph(definition);
  const layout: Layout = await layoutGraph(graph);
  const processId = options.processId ?? 'Process_1';
  const elements = new Map<string, ModdleElement>();
  const flowElements: ModdleElement[] = [];
  const dataAssociations: { task: ModdleElement; ref: ModdleElement; node: FlowNode }[] = [];
  let dataCount = 0;

  for (const node of graph.nodes) {
    let element: ModdleElement;
    if (node.kind === 'start') element = moddle.create('bpmn:StartEvent', { id: node.id, name: '开始' });
    else if (node.kind === 'end') element = moddle.create('bpmn:EndEvent', { id: node.id, name: '结束' });
    else if (node.kind === 'gateway') element = moddle.create('bpmn:ExclusiveGateway', { id: node.id, gatewayDirection: 'Diverging' });
    else {
      const step = node.step as StepDef;
      element = moddle.create('bpmn:UserTask', { id: node.id, name: step.name, documentation: documentation(moddle, stepDocumentation(step)) });
      const outputs: ModdleElement[] = [];
      for (const name of step.documents) {
        dataCount += 1;
        const object = moddle.create('bpmn:DataObject', { id: `DataObject_${dataCount}` });
        const ref = moddle.create('bpmn:DataObjectReference', { id: `DataObjectReference_${dataCount}`, name: `《${name}》`, dataObjectRef: object });
        flowElements.push(object, ref);
        outputs.push(moddle.create('bpmn:DataOutputAssociation', { id: `DataOutputAssociation_${dataCount}`, targetRef: ref }));
        dataAssociations.push({ task: element, ref, node });
      }
      if (outputs.length > 0) element.set('dataOutputAssociations', outputs);
    }
    elements.set(node.id, element);
    flowElements.push(element);
  }
  const flows = graph.edges.map((edge) => {
    const source = elements.get(edge.from) as ModdleElement;
    const target = elements.get(edge.to) as ModdleElement;
    const flow = moddle.create('bpmn:SequenceFlow', { id: edge.id, sourceRef: source, targetRef: target, ...(edge.label ? { name: edge.label } : {}) });
    if (edge.label) flow.set('conditionExpression', moddle.create('bpmn:FormalExpression', { body: edge.label }));
    source.set('outgoing', [...((source.get('outgoing') as ModdleElement[] | undefined) ?? []), flow]);
    target.set('incoming', [...((target.get('incoming') as ModdleElement[] | undefined) ?? []), flow]);
    return flow;
  });
  flowElements.push(...flows);

  const process = moddle.create('bpmn:Process', {
    id: processId,
    name: definition.name,
    isExecutable: false,
    documentation: documentation(moddle, [...definition.notes, ...limitLines(definition)].join('\n')),
    flowElements,
  });

  // Where the SVG draws a name outside its shape (events, conditions), BPMNDI says so too:
  // a modeller otherwise puts it in its own default place, over an arrow.
  const label = (box: LabelBox | undefined) => (box ? { label: moddle.create('bpmndi:BPMNLabel', { bounds: bounds(moddle, box) }) } : {});
  const shapes: ModdleElement[] = layout.nodes.map((node) =>
    moddle.create('bpmndi:BPMNShape', { id: `${node.id}_di`, bpmnElement: elements.get(node.id), bounds: bounds(moddle, node), ...label(node.labelBox) }),
  );
  // Data objects sit to the right of the task that writes them.
  dataAssociations.forEach(({ ref, node }, i) => {
    const placed = layout.nodes.find((n) => n.id === node.id);
    const siblings = dataAssociations.filter((d) => d.node.id === node.id);
    const k = siblings.findIndex((d) => d.ref === ref);
    if (!placed) return;
    shapes.push(
      moddle.create('bpmndi:BPMNShape', {
        id: `DataObjectReference_${i + 1}_di`,
        bpmnElement: ref,
        bounds: bounds(moddle, { x: layout.width + 20 + k * 50, y: placed.y, width: 36, height: 50 }),
      }),
    );
  });
  const edges = layout.edges.map((edge, i) =>
    moddle.create('bpmndi:BPMNEdge', {
      id: `${edge.id}_di`,
      bpmnElement: flows[i],
      waypoint: edge.points.map((p) => moddle.create('dc:Point', { x: Math.round(p.x), y: Math.round(p.y) })),
      ...label(edge.labelBox),
    }),
  );
  const plane = moddle.create('bpmndi:BPMNPlane', { id: 'BPMNPlane_1', bpmnElement: process, planeElement: [...shapes, ...edges] });
  const diagram = moddle.create('bpmndi:BPMNDiagram', { id: 'BPMNDiagram_1', plane });
  const definitions = moddle.create('bpmn:Definitions', {
    id: 'Definitions_1',
    targetNamespace: 'urn:quanze:process',
    exporter: 'quanze',
    exporterVersion: '0.1.0',
    rootElements: [process],
    diagrams: [diagram],
  });
  const { xml } = await moddle.toXML(definitions, { format: true });
  return xml;
}

function limitLines(def: ProcessDefinition): string[] {
  const out: string[] = [];
  if (def.statutoryLimit) out.push(`法定时限：${def.statutoryLimit.raw || `${def.statutoryLimit.amount ?? ''}`}${def.statutoryLimit.note ? `（${def.statutoryLimit.note}）` : ''}`);
  if (def.promisedLimit) out.push(`承诺时限：${def.promisedLimit.raw}`);
  return out;
}
