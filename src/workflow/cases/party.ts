import { z } from 'zod';
import { CaseError } from './errors.js';

export const PARTY_KINDS = ['person', 'organisation'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** Chinese names of party kinds, for forms and pages. */
export const PARTY_KIND_LABELS: Readonly<Record<PartyKind, string>> = { person: '自然人', organisation: '法人或其他组织' };

/** The kinds as a message lists them: person（自然人）或 organisation（法人或其他组织）. */
export const PARTY_KIND_CHOICES = PARTY_KINDS.map((k) => `${k}（${PARTY_KIND_LABELS[k]}）`).join('或 ');

/**
 * A schema's own message for what it refuses, so every caller gets Chinese: the store's
 * direct callers parse without the API's error map and would otherwise get zod's English.
 * An absent value is called missing, as the API calls it.
 */
const refusal =
  (wrong: string | ((issue: z.core.$ZodRawIssue) => string)) =>
  (issue: z.core.$ZodRawIssue): string =>
    issue.input === undefined ? '缺少必填参数' : typeof wrong === 'string' ? wrong : wrong(issue);

// Control characters, and invisible format characters (bidi overrides, zero-width joiners)
// that would make a name display as something other than what is stored and hashed.
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/**
 * Text that displays as it is stored and hashed: trimmed, 1 to `max` characters, without
 * control or invisible format characters. `prepare` rewrites the input first (a file name
 * drops its folders), so the checks apply to what is kept.
 *
 * @example visibleText(100).parse(' 张三 ') // '张三'
 */
export function visibleText(max: number, prepare?: (text: string) => string) {
  const text = z.string({ error: refusal('应为文本') });
  return (prepare ? text.overwrite(prepare) : text)
    .trim()
    .min(1, '不能为空')
    .max(max, `不能超过 ${max} 个字符`)
    .refine((s) => !HIDDEN.test(s), '不能包含控制字符或不可见的格式字符');
}

/**
 * The applicant (申请人) or party (当事人) of a case, as 立案 records it: validated at the
 * API's edge and again by the store, so every writer records the same shape.
 */
export const PartyInput = z.strictObject(
  {
    name: visibleText(100),
    kind: z.enum(PARTY_KINDS, { error: refusal(`应为 ${PARTY_KIND_CHOICES}`) }),
    /** A telephone number or address: shown to staff only, never on public pages. */
    contact: visibleText(100).optional(),
  },
  {
    error: refusal((issue) =>
      issue.code === 'unrecognized_keys' ? `未知的字段 ${issue.keys.join('、')}（只能有 name、kind 和 contact）` : '应为对象，含 name、kind 和可选的 contact',
    ),
  },
);
export type Party = z.output<typeof PartyInput>;

/**
 * Input as the store takes it from any caller (the API has checked it already; the CLI and
 * tests have not): parsed by the API's own schema, or refused as invalid-input naming `what`
 * and each field at fault.
 */
export function parsedInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const why = parsed.error.issues.map((i) => `${i.path.length > 0 ? `${i.path.join('.')}：` : ''}${i.message}`).join('；');
  throw new CaseError('invalid-input', `${what}不正确：${why}`);
}

/** A party as the store takes it from any caller. */
export function parseParty(input: unknown): Party {
  return parsedInput(PartyInput, input, '当事人信息');
}

/** The party as the public sees it: the name masked, no contact. */
export interface MaskedParty {
  readonly name: string;
  readonly kind: PartyKind;
  readonly masked: true;
}

/**
 * Power types whose cases start with an application (依申请): their party is the 申请人.
 * The others act on the authority's own initiative (依职权) against a 当事人.
 */
const ON_APPLICATION: ReadonlySet<string> = new Set(['行政许可', '行政确认', '行政给付', '行政裁决', '公共服务']);

/** What a case of this power type calls its party: 申请人 or 当事人 (also when the type is unknown). */
export function partyLabel(powerType: string | undefined | null): '申请人' | '当事人' {
  return powerType && ON_APPLICATION.has(powerType.replace(/\s+/g, '')) ? '申请人' : '当事人';
}

/** What organisation names end with, longest first so 股份有限公司 is kept whole rather than as 公司. */
const ORG_SUFFIXES: readonly string[] = [
  '股份有限公司',
  '有限责任公司',
  '专业合作社',
  '有限公司',
  '分公司',
  '委员会',
  '事务所',
  '研究院',
  '研究所',
  '卫生院',
  '门诊部',
  '幼儿园',
  '基金会',
  '联合会',
  '工作室',
  '经营部',
  '合作社',
  '公司',
  '集团',
  '中心',
  '医院',
  '诊所',
  '学校',
  '学院',
  '大学',
  '协会',
  '学会',
  '商会',
  '银行',
  '分行',
  '支行',
  '商行',
  '厂',
  '店',
  '馆',
  '场',
  '站',
  '社',
  '所',
  '院',
  '局',
].sort((a, b) => b.length - a.length);

const STARS = '**';

/**
 * A party's name as public pages show it (办件公示). A person keeps the first character
 * (张三丰 → 张**); an organisation keeps a short prefix, usually its region, and the suffix
 * that says what kind of body it is (北京字节跳动科技有限公司 → 北京**有限公司). The stars
 * are always two, so the mask does not tell the length either. Characters are counted by
 * code point, so a name with a rare character outside the BMP is not split in half.
 *
 * @example maskPartyName({ name: '欧阳娜娜', kind: 'person' }) // '欧**'
 */
export function maskPartyName(party: Pick<Party, 'name' | 'kind'>): string {
  const chars = Array.from(party.name.trim());
  if (party.kind === 'person') return chars.length <= 1 ? STARS : `${chars[0]}${STARS}`;
  const name = chars.join('');
  const suffix = ORG_SUFFIXES.find((s) => name.endsWith(s) && chars.length > Array.from(s).length) ?? '';
  const middle = chars.length - Array.from(suffix).length;
  // At least as many characters hidden as kept before them.
  const prefix = middle >= 4 ? 2 : middle >= 2 ? 1 : 0;
  return `${chars.slice(0, prefix).join('')}${STARS}${suffix}`;
}

export function maskParty(party: Party): MaskedParty {
  return { name: maskPartyName(party), kind: party.kind, masked: true };
}
