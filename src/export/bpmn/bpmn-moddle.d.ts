/** The part of bpmn-moddle quanze uses; the package ships no types for its main entry. */
declare module 'bpmn-moddle' {
  export interface ModdleElement {
    readonly $type: string;
    id?: string;
    [key: string]: unknown;
    get(name: string): unknown;
    set(name: string, value: unknown): void;
  }

  export interface ParseResult {
    rootElement: ModdleElement;
    warnings: Error[];
    references: unknown[];
    elementsById: Record<string, ModdleElement>;
  }

  export interface BpmnModdleInstance {
    create(type: string, attrs?: Record<string, unknown>): ModdleElement;
    toXML(element: ModdleElement, options?: { format?: boolean; preamble?: boolean }): Promise<{ xml: string }>;
    fromXML(xml: string, typeName?: string | Record<string, unknown>, options?: Record<string, unknown>): Promise<ParseResult>;
  }

  export function BpmnModdle(packages?: Record<string, unknown>, options?: Record<string, unknown>): BpmnModdleInstance;
}
