/**
 * The workflow pages' own styles, served at /assets/workflow.css beside the portal's
 * stylesheet: the portal's CSP allows styles from the site only, never inline.
 */
export const WORKFLOW_CSS = `
.status { display: inline-block; border-radius: 4px; padding: 0 6px; font-size: 0.8rem; border: 1px solid #d0d7de; background: #f6f8fa; white-space: nowrap; }
.status.open { background: #e8f0fe; border-color: #a8c7fa; }
.status.paused { background: #fff4d6; border-color: #e9c46a; }
.status.closed { background: #e6f4ea; border-color: #a8dab5; }
/* No nowrap here: the colours also mark sentences (a provisional deadline, documents not yet recorded) that must wrap on a phone. */
.late { color: #b3261e; font-weight: 700; }
.soon { color: #9a6700; font-weight: 700; }
.totals { display: grid; grid-template-columns: repeat(auto-fill, minmax(120px, 1fr)); gap: 10px; list-style: none; padding: 0; }
.totals li { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 12px; }
.totals .n { display: block; font-size: 1.6rem; font-weight: 700; line-height: 1.2; }
.totals .late .n { color: #b3261e; }
.figure { overflow-x: auto; border: 1px solid #d0d7de; border-radius: 6px; padding: 8px; background: #fff; }
.figure svg { max-width: none; height: auto; }
.situations { margin: 0; padding: 0; list-style: none; }
.filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; margin: 8px 0 16px; }
.filters label { display: flex; flex-direction: column; font-size: 0.875rem; color: #59636e; }
.events { list-style: none; padding: 0; border-left: 3px solid #d0d7de; margin-left: 6px; }
.events li { padding: 2px 0 8px 12px; }
.hash { font-family: ui-monospace, monospace; font-size: 0.8rem; color: #59636e; overflow-wrap: anywhere; }
`;
