import type { PowerList } from '../../model/index.js';

/** The title a written list carries: its own, else its department's name with 权责清单. */
export function listTitle(list: PowerList): string {
  return list.title ?? (list.department ? `${list.department}权责清单` : '权责清单');
}
