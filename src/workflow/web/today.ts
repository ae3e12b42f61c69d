import { todayOf } from '../cases/index.js';
import type { WorkflowAppOptions } from './index.js';

/** Today in Asia/Shanghai as the web app counts it: by its own clock when it has one, else the case store's. */
export function todayFor(options: Pick<WorkflowAppOptions, 'clock' | 'cases'>): string {
  return todayOf(options.clock ?? options.cases.clock);
}
