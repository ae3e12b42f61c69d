import type { ProcessSheet } from '../../model/index.js';

/** The labelled facts of a process sheet, in the order the flowchart shows them. */
export function sheetFacts(sheet: ProcessSheet): [string, string][] {
  const facts: [string, string | undefined][] = [
    ['项目类别', sheet.category],
    ['法定时限', sheet.statutoryLimit?.raw],
    ['承诺时限', sheet.promisedLimit?.raw],
    ['优化时限', sheet.optimizedLimit?.raw],
    ['办理地点', sheet.address],
    ['承办部门', sheet.office],
    ['申请人', sheet.applicant],
    ...sheet.phones.map((p): [string, string] => [p.label, `${p.number}${p.note ? ` ${p.note}` : ''}`]),
  ];
  return facts.filter((f): f is [string, string] => f[1] !== undefined && f[1] !== '');
}
