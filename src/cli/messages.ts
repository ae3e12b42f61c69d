/** Commander's own error lines, said in Chinese. Unknown lines pass through unchanged. */
const TRANSLATIONS: readonly [RegExp, string][] = [
  [/^error: required option '(.+)' not specified/, '错误：缺少必需的选项 $1'],
  [/^error: missing required argument '(.+)'/, '错误：缺少必需的参数 $1'],
  [/^error: unknown option '(.+)'/, '错误：未知的选项 $1'],
  [/^error: unknown command '(.+)'/, '错误：未知的命令 $1'],
  [/^error: option '(.+)' argument missing/, '错误：选项 $1 缺少取值'],
  [/^error: option '(.+)' argument '(.*)' is invalid\. ?/, '错误：选项 $1 的取值“$2”无效。'],
  [/^error: command-argument value '(.*)' is invalid for argument '(.+)'\. ?/, '错误：参数 $2 的取值“$1”无效。'],
  [/^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\./, '错误：参数过多：应为 $2 个，收到 $3 个。'],
  [/^\(Did you mean (.+)\?\)/m, '（是否想用 $1？）'],
];

export function translateCommanderError(text: string): string {
  return TRANSLATIONS.reduce((out, [pattern, chinese]) => out.replace(pattern, chinese), text);
}
