/**
 * quanze's workflow: the working-day calendar and period rules, process definitions,
 * cases with their deadlines, the SM3-chained event log, supervision and the web sub-app.
 * Each concept's folder is its own public face; this one gathers them.
 */
export * from './audit-log/index.js';
export * from './calendar/index.js';
export * from './cases/index.js';
export * from './periods/index.js';
export * from './process/index.js';
export * from './supervision/index.js';
export {
  type FormUser,
  itemProcessSvg,
  MAX_DOCUMENT_BASE64,
  MAX_DOCUMENT_JSON,
  MAX_DOCUMENT_BYTES,
  openCaseSection,
  processSvg,
  type Shell,
  toBpmnXml,
  WORKFLOW_ENDPOINTS,
  WORKFLOW_SCHEMAS,
  type WorkflowAppOptions,
  type WorkflowEndpoint,
  workflowApp,
} from './web/index.js';
