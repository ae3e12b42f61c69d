import type { Context } from 'hono';
import { type CaseView, maskParty, type Party } from '../cases/index.js';
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

/** The case with its party masked; the same object when it has none or the reader may see it. */
export function disclosedView(view: CaseView, full: boolean): CaseView {
  const { party } = view.state;
  if (full || party === undefined) return view;
  return { ...view, state: { ...view.state, party: maskParty(party) } };
}

/** An event's data with its party masked (only 立案 events carry one). */
export function disclosedData(data: Record<string, unknown>, full: boolean): Record<string, unknown> {
  if (full || data.party === undefined) return data;
  return { ...data, party: maskParty(data.party as Party) };
}
