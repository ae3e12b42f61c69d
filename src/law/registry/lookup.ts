import { type OrderNumber, parseOrderNumber, parseOrderNumbers, sameOrder } from './order-number.js';
import type { Law, LawVersion } from './schema.js';

/** A version by its id ("2010-04-29"). */
export function versionById(law: Law, id: string): LawVersion | undefined {
  return law.versions.find((v) => v.id === id);
}

/** The date a version came into existence: adoption, else promulgation. */
export function versionDate(version: LawVersion): string | undefined {
  return version.adopted?.date ?? version.promulgated?.date;
}

/**
 * The version in force on a date (YYYY-MM-DD): the latest whose effective date is on or
 * before it. Undefined before the first version took effect, after repeal, and when a
 * later version's effective date is unknown and the date may fall after it (no guessing).
 *
 * @example versionAt(baomiFa, '2015-06-01')?.id // '2010-04-29'
 */
export function versionAt(law: Law, date: string): LawVersion | undefined {
  const repealed = law.status.repealed?.date;
  if (repealed !== undefined && date >= repealed) return undefined;
  const versions = law.versions;
  let index = -1;
  versions.forEach((v, i) => {
    const effective = v.effective?.date;
    if (effective !== undefined && effective <= date) index = i;
  });
  // A later version whose start is unknown may already apply: say nothing rather than guess.
  const unsure = versions.slice(index + 1).some((v) => {
    if (v.effective !== undefined) return false;
    const born = versionDate(v);
    return born === undefined || born <= date;
  });
  return unsure ? undefined : versions[index];
}

/**
 * The version promulgated or amended by an order or document number, written either way:
 * '主席令第28号', '中华人民共和国主席令第二十八号', '国务院令第760号修订', '国保发〔2013〕14号'.
 *
 * @example versionByOrder(baomiFa, '主席令第二十八号')?.id // '2010-04-29'
 */
export function versionByOrder(law: Law, order: string | OrderNumber): LawVersion | undefined {
  const wanted = typeof order === 'string' ? parseOrderNumber(order) : order;
  if (!wanted) return undefined;
  return law.versions.find((v) => {
    if (!v.promulgatedBy) return false;
    return parseOrderNumbers(v.promulgatedBy.raw).some((own) => sameOrder(own, wanted));
  });
}

/** The version adopted or promulgated on a date (as a note like "2010年4月29日…修订" names it). */
export function versionByDate(law: Law, date: string): LawVersion | undefined {
  return law.versions.find((v) => v.adopted?.date === date || v.promulgated?.date === date);
}

/**
 * The version in force today when `today` is given, else the latest version; undefined
 * for a repealed law.
 */
export function currentVersion(law: Law, today?: string): LawVersion | undefined {
  if (today !== undefined) return versionAt(law, today);
  if (law.status.status === '已废止') return undefined;
  return law.versions.at(-1);
}
