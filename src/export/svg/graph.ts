import type { ProcessDefinition, StepDef } from '../../workflow/process/index.js';
import { textWidth, wrapText } from './text.js';

export type NodeKind = 'start' | 'end' | 'task' | 'gateway';

export interface FlowNode {
  id: string;
  kind: NodeKind;
  /** The step a task node draws. */
  step?: StepDef;
  /** Lines of the label: the name, then the deadline and documents in smaller type. */
  title: string[];
  details: string[];
  width: number;
  height: number;
}

export interface FlowEdge {
  id: string;
  from: string;
  to: string;
  label?: string;
  labelWidth?: number;
}

export interface FlowGraph {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

export const TITLE_SIZE = 14;
export const DETAIL_SIZE = 12;
const LINE = 1.4;
const TASK_TEXT_WIDTH = 224;
const PAD_X = 12;
const PAD_Y = 10;

/** Node ids as BPMN and SVG use them; step ids are already safe ASCII. */
export const nodeIds = {
  start: 'StartEvent_1',
  end: 'EndEvent_1',
  task: (stepId: string) => `Task_${stepId}`,
  gateway: (stepId: string) => `Gateway_${stepId}`,
};

function stepDetails(step: StepDef): string[] {
  const out: string[] = [];
  if (step.deadline) out.push(...wrapText(`时限：${step.deadline.raw || `${step.deadline.amount ?? ''}`}`, DETAIL_SIZE, TASK_TEXT_WIDTH, 2));
  if (step.documents.length > 0) out.push(...wrapText(`文书：${step.documents.map((d) => `《${d}》`).join('')}`, DETAIL_SIZE, TASK_TEXT_WIDTH, 2));
  return out;
}

function taskNode(step: StepDef): FlowNode {
  const title = wrapText(step.name, TITLE_SIZE, TASK_TEXT_WIDTH, 4);
  const details = stepDetails(step);
  const widest = Math.max(...title.map((l) => textWidth(l, TITLE_SIZE)), ...details.map((l) => textWidth(l, DETAIL_SIZE)), 80);
  const height = PAD_Y * 2 + title.length * TITLE_SIZE * LINE + details.length * DETAIL_SIZE * LINE;
  return { id: nodeIds.task(step.id), kind: 'task', step, title, details, width: Math.ceil(widest + PAD_X * 2), height: Math.ceil(height) };
}

/**
 * The drawing's graph: a start event into the first step, a task per step, an exclusive
 * gateway after any step with several ways out, and an end event after steps with none.
 * BPMN export and the SVG flowchart draw the same graph.
 */
export function toFlowGraph(def: ProcessDefinition): FlowGraph {
  const nodes: FlowNode[] = [{ id: nodeIds.start, kind: 'start', title: ['开始'], details: [], width: 36, height: 36 }];
  const edges: FlowEdge[] = [];
  let n = 0;
  const edge = (from: string, to: string, label?: string) => {
    n += 1;
    edges.push({ id: `Flow_${n}`, from, to, ...(label ? { label, labelWidth: Math.ceil(textWidth(label, DETAIL_SIZE)) + 4 } : {}) });
  };
  edge(nodeIds.start, nodeIds.task(def.start));
  let needsEnd = false;
  for (const step of def.steps) {
    nodes.push(taskNode(step));
    const out = def.flows.filter((f) => f.from === step.id);
    if (out.length === 0) {
      needsEnd = true;
      edge(nodeIds.task(step.id), nodeIds.end);
    } else if (out.length === 1) {
      const [only] = out;
      edge(nodeIds.task(step.id), nodeIds.task(only?.to ?? ''), only?.condition);
    } else {
      const gateway = nodeIds.gateway(step.id);
      nodes.push({ id: gateway, kind: 'gateway', title: [], details: [], width: 40, height: 40 });
      edge(nodeIds.task(step.id), gateway);
      for (const flow of out) edge(gateway, nodeIds.task(flow.to), flow.condition);
    }
  }
  if (needsEnd) nodes.push({ id: nodeIds.end, kind: 'end', title: ['结束'], details: [], width: 36, height: 36 });
  return { nodes, edges };
}
