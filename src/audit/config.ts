import { z } from 'zod';
import { parseJsonText } from '../json/index.js';
import type { Severity } from '../model/index.js';
import type { AnyRule } from './rule.js';

/** The file `quanze check` reads from the working folder when no --config is given. */
export const CONFIG_FILE = 'quanze.config.json';

/** As ESLint users write them: "off"/0, "warn"/1, "error"/2, plus "info". */
const Level = z.union([z.enum(['off', 'info', 'warn', 'warning', 'error']), z.literal(0), z.literal(1), z.literal(2)]);
type Level = z.infer<typeof Level>;
const Setting = z.union([Level, z.tuple([Level]).rest(z.unknown())]);
export type RuleSetting = z.infer<typeof Setting>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/**
 * quanze.config.json. Only `rules` and the dates are read here; other sections belong to
 * other commands and are left alone.
 *
 * @example { "rules": { "citation-wording": "off", "duty-chain": ["warn", { "types": ["行政处罚"] }] } }
 */
export const QuanzeConfig = z.looseObject({
  rules: z.record(z.string(), Setting).default({}),
  /** The check date, when a report must be reproducible. */
  today: IsoDate.optional(),
  /** The date of the lists checked, when known. */
  listDate: IsoDate.optional(),
});
export type QuanzeConfig = z.infer<typeof QuanzeConfig>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** One rule as it will run: its severity (null = off) and validated options. */
export interface RuleRun {
  rule: AnyRule;
  severity: Severity | null;
  options: unknown;
}

function severityOf(level: Level): Severity | null {
  if (level === 'off' || level === 0) return null;
  if (level === 'warn' || level === 'warning' || level === 1) return 'warning';
  if (level === 'error' || level === 2) return 'error';
  return 'info';
}

/** Parses the text of a configuration file; the error names the file and the bad field. */
export function parseConfig(text: string, file = CONFIG_FILE): QuanzeConfig {
  const json = parseJsonText(text);
  if (!json.ok) throw new ConfigError(`${file} 不是有效的 JSON：${json.message}`);
  const parsed = QuanzeConfig.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${file} 的 ${issue?.path.join('.') || '（根）'} 不符合要求：${issue?.message}`);
  }
  return parsed.data;
}

/**
 * `--rule id:level` as typed on the command line; a bare `--rule id` keeps the rule's own
 * severity and means "run only the rules named".
 */
export function parseRuleFlag(flag: string): { id: string; level?: Level } {
  const at = flag.lastIndexOf(':');
  if (at < 0) return { id: flag.trim() };
  const id = flag.slice(0, at).trim();
  const raw = flag.slice(at + 1).trim();
  const level = Level.safeParse(/^\d$/.test(raw) ? Number(raw) : raw);
  if (!level.success) throw new ConfigError(`--rule ${flag}：级别只能是 off、info、warn、error（或 0、1、2）`);
  return { id, level: level.data };
}

/**
 * Decides how every rule runs: its default severity, overridden by the configuration file,
 * overridden by --rule flags. Unknown rule ids and bad options are errors, not ignored.
 */
export function planRules(rules: readonly AnyRule[], config: Pick<QuanzeConfig, 'rules'> = { rules: {} }, flags: readonly string[] = []): RuleRun[] {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const known = () => [...byId.keys()].join('、');
  const settings = new Map<string, { severity: Severity | null; options?: unknown }>();
  for (const [id, setting] of Object.entries(config.rules)) {
    if (!byId.has(id)) throw new ConfigError(`配置中的规则“${id}”不存在；可用的规则：${known()}`);
    const [level, options] = Array.isArray(setting) ? [setting[0], setting[1]] : [setting, undefined];
    settings.set(id, { severity: severityOf(level), ...(options !== undefined ? { options } : {}) });
  }
  const only = new Set<string>();
  for (const flag of flags) {
    const { id, level } = parseRuleFlag(flag);
    if (!byId.has(id)) throw new ConfigError(`--rule 指定的规则“${id}”不存在；可用的规则：${known()}`);
    if (level === undefined) only.add(id);
    else settings.set(id, { ...settings.get(id), severity: severityOf(level) });
  }
  return rules.map((rule) => {
    const setting = settings.get(rule.id);
    const severity = only.size > 0 && !only.has(rule.id) ? null : setting && 'severity' in setting ? setting.severity : rule.meta.severity;
    let options: unknown;
    if (rule.meta.options) {
      const parsed = rule.meta.options.safeParse(setting?.options ?? {});
      if (!parsed.success) throw new ConfigError(`规则“${rule.id}”的选项不符合要求：${parsed.error.issues[0]?.message}`);
      options = parsed.data;
    }
    return { rule, severity, options };
  });
}
