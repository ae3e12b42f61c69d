import type { Context } from 'hono';
import { type CasePage, type CaseView, maskParty, type Party } from '../cases/index.js';
import type { Supervision } from '../supervision/index.js';
import type { WorkflowAppOptions } from './index.js';

/**
 * Whether a request may see a case's party in full (name and contact): a signed-in user of
 * the pages, or a request `authorize` would let write (the administrator's bearer token).
 * Everyone else sees what a public 办件公示 shows: the name masked, no contact. Without
 * `authorize` and `user`, nobody does: a party's data is never public by default.
 */
export async function seesParties(options: WorkflowAppOptions, c: Context): Promise<boolean> {
  if ((options.user?.(c) ?? null) !== null) return true;
  return options.authorize !== undefined && (await options.authorize(c));
}

/**
 * seesParties for a page: one that shows parties in full is for this reader only, so it is
 * sent no-store (a signed-in user's pages are anyway; a bearer token's are not otherwise).
 */
export async function seesPartiesOnPage(options: WorkflowAppOptions, c: Context): Promise<boolean> {
  const full = await seesParties(options, c);
  if (full) c.header('Cache-Control', 'no-store');
  return full;
}

/** The case with its party masked, in its state and its summary; the same object when it has none or the reader may see it. */
export function disclosedView(view: CaseView, full: boolean): CaseView {
  const { party } = view.state;
  if (full || party === undefined) return view;
  return { ...view, summary: disclosedSummary(view.summary, full), state: { ...view.state, party: maskParty(party) } };
}

/** A case's summary (a row of a list) with its party masked; the same object when it has none or the reader may see it. */
export function disclosedSummary<S extends { party?: Party }>(summary: S, full: boolean): S {
  if (full || summary.party === undefined) return summary;
  return { ...summary, party: maskParty(summary.party) };
}

/** A page of the case list with every row's party masked unless `full`. */
export function disclosedPage(page: CasePage, full: boolean): CasePage {
  return full ? page : { ...page, items: page.items.map((s) => disclosedSummary(s, false)) };
}

/** The supervision figures with the parties of the cases they list masked unless `full`. */
export function disclosedSupervision(s: Supervision, full: boolean): Supervision {
  return full ? s : { ...s, overdue: s.overdue.map((c) => disclosedSummary(c, false)), atRisk: s.atRisk.map((c) => disclosedSummary(c, false)) };
}

/** An event's data with its party masked and its party's salt left out (only 立案 events carry them). */
export function disclosedData(data: Record<string, unknown>, full: boolean): Record<string, unknown> {
  if (full || (data.party === undefined && data.partySalt === undefined)) return data;
  const { partySalt: _salt, ...rest } = data;
  return data.party === undefined ? rest : { ...rest, party: maskParty(data.party as Party) };
}
