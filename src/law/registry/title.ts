/**
 * One key per title, so that 《中华人民共和国行政处罚法》, 行政处罚法 and
 * 《 商用密码管理条例 》 find the same law.
 */

const QUOTES = /[《》〈〉<>「」『』“”"'‘’]/g;
const LEVEL_TAG = /^【[^】]{1,8}】/;
const COUNTRY = /^(?:中华人民共和国|中国人民共和国)/;
/** A trailing note in brackets that is not part of a title: (主席令第28号), (2016年11月7日…通过). */
const TRAILING_NOTE = /\((?=[^()]*(?:\d|令|号|通过|修订|修正|修改|公布|发布|施行))[^()]*\)$/;

/**
 * @example normalizeTitle('【法律】《中华人民共和国保守国家秘密法》（主席令第28号）') // '保守国家秘密法'
 */
export function normalizeTitle(text: string): string {
  let title = text.normalize('NFKC').replace(/\s+/g, '').replace(QUOTES, '');
  title = title.replace(LEVEL_TAG, '');
  let previous = '';
  while (previous !== title) {
    previous = title;
    title = title.replace(TRAILING_NOTE, '');
  }
  return title.replace(COUNTRY, '');
}
