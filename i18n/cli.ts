/**
 * What the `perfplan` command line prints (cli/, and dev/token.ts, which it dispatches to), in
 * en-US and zh-CN side by side: usage, argument errors, the exit-status messages of calc and
 * explain, explain's request errors, seed's and token's messages, and the bin's own
 * (cli/bin/perfplan.js). One locale decides all of it: --lang, else LC_ALL, LC_MESSAGES, LANG
 * (argumentsLocale below, on i18n/locale.ts commandLineLocale). The en-US templates are the
 * messages exactly as they have always read.
 *
 * Command lines, options (--timeout), metavariables (BOOK.xlsx, SECONDS), file and sheet
 * names, URLs, environment variables and app role names stay as they are typed. A `reason`
 * is a message of its own (a LocalizedError's, in the same locale) or another program's, kept
 * as it was written.
 */
import BIN from './cli-bin.json';
import { Locale, commandLineLocale } from './locale';
import type { Text } from './text';

export const CLI = {
  // ---- Usage (perfplan --help) ----------------------------------------------------------------
  usage: {
    'en-US': `Usage:
{calc}
  perfplan explain BOOK.xlsx 'Sheet!C5'   explain a PERF cell step by step (--json, --lang zh-CN)
{outputs}
  perfplan seed [--api URL]                publish built-in templates and benchmarks to the API
  perfplan run submit|status|list|approve|reject|payroll|statement …
                                           payout runs on the API: submit, follow, approve, download (perfplan run --help)
  perfplan token --role admin              print a local dev token for the API (perfplan token --help)
  perfplan --help

Exit status (calc, explain): 0 the workbook calculated (error cells are data), 1 a usage error,
2 the input cannot be read, 3 it is over a limit (size, text, formula length or nesting,
memory, simulation samples), 4 the time budget (--timeout) ran out, 5 an internal error.`,
    'zh-CN': `用法：
{calc}
  perfplan explain BOOK.xlsx 'Sheet!C5'   逐步解释一个 PERF 单元格（--json、--lang zh-CN）
{outputs}
  perfplan seed [--api URL]                将内置模板和基准数据发布到 API
  perfplan run submit|status|list|approve|reject|payroll|statement …
                                           API 上的薪酬计算批次：提交、跟踪、审批、下载（perfplan run --help）
  perfplan token --role admin              打印一个用于 API 的本地开发令牌（perfplan token --help）
  perfplan --help

退出状态（calc、explain）：0 工作簿已计算（错误单元格也是数据），1 用法错误，
2 无法读取输入，3 超出限制（大小、文本、公式长度或嵌套层数、内存、模拟样本），
4 时间预算（--timeout）已用完，5 内部错误。`,
  },
  calcUsage: {
    'en-US': `  perfplan calc BOOK.xlsx --json          print every non-empty cell after calculation as JSON
  perfplan calc BOOK.xlsx -o OUT.xlsx     write the workbook with computed values cached
      --timeout SECONDS                   stop after this long (default {seconds})
      --lang zh-CN                        messages and error cells in Simplified Chinese (default: LANG)`,
    'zh-CN': `  perfplan calc BOOK.xlsx --json          计算后以 JSON 打印所有非空单元格
  perfplan calc BOOK.xlsx -o OUT.xlsx     写出缓存了计算结果的工作簿
      --timeout SECONDS                   超过这么长时间就停止（默认 {seconds}）
      --lang en-US                        消息和错误单元格改用英文（默认按 LANG 决定）`,
  },
  explainUsage: {
    'en-US': `Usage:
  perfplan explain BOOK.xlsx 'Sheet!C5' [--json] [--lang zh-CN]
      explain one cell with a PERF formula step by step (inside a spilled range: that element).
      --timeout SECONDS stops the work after this long (default {seconds}).
      Supported: {functions}.`,
    'zh-CN': `用法：
  perfplan explain BOOK.xlsx 'Sheet!C5' [--json] [--lang zh-CN]
      逐步解释一个含 PERF 公式的单元格（位于溢出区域内时：解释该元素）。
      --timeout SECONDS 超过这么长时间就停止（默认 {seconds}）。
      支持：{functions}。`,
  },
  // ---- Arguments (exit 1) ---------------------------------------------------------------------
  unknownCommand: { 'en-US': 'unknown command "{command}"', 'zh-CN': '未知命令 "{command}"' },
  unknownOption: { 'en-US': 'unknown option {option}', 'zh-CN': '未知选项 {option}' },
  unexpectedArgument: { 'en-US': 'unexpected argument {argument}', 'zh-CN': '多余的参数 {argument}' },
  needsFileName: { 'en-US': '{option} needs a file name', 'zh-CN': '{option} 需要一个文件名' },
  timeoutSeconds: { 'en-US': '--timeout needs a number of seconds greater than 0', 'zh-CN': '--timeout 需要一个大于 0 的秒数' },
  langNeeded: { 'en-US': '--lang needs a language (en-US or zh-CN)', 'zh-CN': '--lang 需要一种语言（en-US 或 zh-CN）' },
  calcNeedsBook: { 'en-US': 'calc needs a workbook (BOOK.xlsx)', 'zh-CN': 'calc 需要一个工作簿（BOOK.xlsx）' },
  explainNeedsBook: {
    'en-US': 'explain needs a workbook (BOOK.xlsx) and a cell (Sheet!C5)',
    'zh-CN': 'explain 需要一个工作簿（BOOK.xlsx）和一个单元格（Sheet!C5）',
  },
  explainNeedsCell: { 'en-US': 'explain needs a cell to explain (Sheet!C5)', 'zh-CN': 'explain 需要一个要解释的单元格（Sheet!C5）' },

  // ---- Reading and calculating (exit 2 to 5) --------------------------------------------------
  noSuchFile: { 'en-US': 'cannot read {file}: no such file', 'zh-CN': '无法读取 {file}：文件不存在' },
  notWorkbook: { 'en-US': 'cannot read {file} as an .xlsx workbook ({reason})', 'zh-CN': '无法将 {file} 作为 .xlsx 工作簿读取（{reason}）' },
  overLimit: { 'en-US': 'over a limit: {reason}', 'zh-CN': '超出限制：{reason}' },
  nestsTooDeeply: { 'en-US': 'the workbook nests formulas too deeply to calculate', 'zh-CN': '工作簿中的公式嵌套太深，无法计算' },
  /** JavaScript's own RangeError ("Invalid string length"): quoted in Chinese. */
  tooLong: { 'en-US': '{reason}', 'zh-CN': '文本或数组超出了 JavaScript 允许的长度（"{reason}"）' },
  memory: {
    'en-US': 'the workbook needs more than {megabytes} MB of memory (PERFPLAN_MEMORY_MB)',
    'zh-CN': '工作簿需要超过 {megabytes} MB 的内存（PERFPLAN_MEMORY_MB）',
  },
  internal: { 'en-US': 'internal error: {reason}', 'zh-CN': '内部错误：{reason}' },
  /** Another program's message inside one of ours: quoted in Chinese. */
  foreign: { 'en-US': '{message}', 'zh-CN': '"{message}"' },
  stopped: { 'en-US': 'stopped after {seconds} s (--timeout); {cells}', 'zh-CN': '{seconds} 秒后停止（--timeout）；{cells}' },
  notComputedOne: { 'en-US': '{count} formula cell not computed', 'zh-CN': '{count} 个公式单元格未计算' },
  notComputed: { 'en-US': '{count} formula cells not computed', 'zh-CN': '{count} 个公式单元格未计算' },
  /** The first cells not computed: "(S!B1, S!B2, …)". */
  naming: { 'en-US': '{what} ({cells})', 'zh-CN': '{what}（{cells}）' },
  stillReading: { 'en-US': 'the workbook was still being read', 'zh-CN': '工作簿仍在读取中' },
  /** A timeout after the calculation: what was written and what was not. */
  stillWriting: {
    'en-US': 'the workbook was calculated, but only {done} of {total} files were written',
    'zh-CN': '工作簿已计算完毕，但 {total} 个文件中只写出了 {done} 个',
  },

  // ---- perfplan explain: what was asked cannot be explained (exit 1) --------------------------
  noSheet: { 'en-US': 'no sheet named "{sheet}" (the workbook has {sheets})', 'zh-CN': '没有名为 "{sheet}" 的工作表（工作簿中有 {sheets}）' },
  notCellReference: { 'en-US': '"{target}" is not a cell reference like Sheet!C5', 'zh-CN': '"{target}" 不是形如 Sheet!C5 的单元格引用' },
  outsideSheet: { 'en-US': '"{target}" is outside the sheet', 'zh-CN': '"{target}" 超出了工作表的范围' },
  noFormula: { 'en-US': '{cell} holds no formula; select a cell with a PERF.* formula', 'zh-CN': '{cell} 中没有公式；请选择一个含 PERF.* 公式的单元格' },
  notPerfCall: {
    'en-US': '{cell}: {formula} is not a single PERF.* call; explain works on a cell whose formula is =PERF.NAME(…)',
    'zh-CN': '{cell}：{formula} 不是单个 PERF.* 调用；explain 只解释公式为 =PERF.NAME(…) 的单元格',
  },
  notExplainable: {
    'en-US': '{cell}: PERF.{name} has no step-by-step explanation; supported: {functions}',
    'zh-CN': '{cell}：PERF.{name} 没有逐步解释；支持：{functions}',
  },
  cannotEvaluate: { 'en-US': 'cannot evaluate the argument {argument}: {reason}', 'zh-CN': '无法计算参数 {argument}：{reason}' },

  // ---- The bin (cli/bin/perfplan.js) -----------------------------------------------------------
  /**
   * Said before anything is compiled, so the bin reads it from i18n/cli-bin.json (plain JSON,
   * no build needed); here it is one of the command line's texts like any other.
   */
  notBuilt: BIN.notBuilt,

  // ---- perfplan seed (cli/seed.ts) -------------------------------------------------------------
  seedUsage: {
    'en-US': `Usage: perfplan seed [--api URL]

Publishes the built-in templates and the benchmark rows to the API, over HTTP.
  --api   the API's base URL (default: PERFPLAN_API_URL, else {api})
  --lang  the language of these messages: en-US or zh-CN (default: LANG)

The caller needs the app role {role}: PERFPLAN_TOKEN holds its bearer token.
Without PERFPLAN_TOKEN a token is minted by the local development issuer (.perfplan/issuer,
or PERFPLAN_LOCAL_ISSUER_DIR), which only a local API (npm start) trusts.`,
    'zh-CN': `用法：perfplan seed [--api URL]

通过 HTTP 将内置模板和基准数据行发布到 API。
  --api   API 的基础 URL（默认：PERFPLAN_API_URL，否则为 {api}）
  --lang  这些消息的语言：en-US 或 zh-CN（默认按 LANG 决定）

调用方需要应用角色 {role}：PERFPLAN_TOKEN 存放它的持有者令牌。
未设置 PERFPLAN_TOKEN 时，由本地开发颁发者（".perfplan/issuer" 或 PERFPLAN_LOCAL_ISSUER_DIR）
签发令牌，只有本地 API（"npm start"）信任它。`,
  },
  apiNeedsUrl: { 'en-US': '--api needs a URL', 'zh-CN': '--api 需要一个 URL' },
  notUrl: { 'en-US': '"{api}" is not a URL (expected something like {example})', 'zh-CN': '"{api}" 不是 URL（应形如 {example}）' },
  urlScheme: { 'en-US': 'the API URL must be http or https, got "{api}"', 'zh-CN': 'API 的 URL 必须以 "http" 或 "https" 开头；实际为 "{api}"' },
  urlCredentials: { 'en-US': 'the API URL must not carry credentials (use PERFPLAN_TOKEN)', 'zh-CN': 'API 的 URL 不能包含凭据（请使用 PERFPLAN_TOKEN）' },
  seedNotLocal: {
    'en-US':
      'PERFPLAN_TOKEN is not set. Without it the token comes from the local development issuer, which only a local API trusts, and {api} is not local. Set PERFPLAN_TOKEN to a token with the app role {role} for that API.',
    'zh-CN': '未设置 PERFPLAN_TOKEN。没有它时，令牌来自本地开发颁发者，只有本地 API 信任它，而 {api} 不是本地 API。请将 PERFPLAN_TOKEN 设为该 API 的、具有应用角色 {role} 的令牌。',
  },
  seedNoLocalToken: { 'en-US': 'no PERFPLAN_TOKEN, and no local token: {reason}', 'zh-CN': '没有 PERFPLAN_TOKEN，也无法得到本地令牌：{reason}' },
  /** `deleted` is seededDeleted, or nothing when no template was left deleted. */
  seeded: {
    'en-US': 'seeded templates: {created} created, {updated} updated, {unchanged} unchanged{deleted}; benchmark rows: {rows}',
    'zh-CN': '已发布模板：新建 {created} 个，更新 {updated} 个，未变 {unchanged} 个{deleted}；基准数据：{rows} 行',
  },
  seededDeleted: { 'en-US': ', {count} left deleted', 'zh-CN': '，{count} 个保持删除' },
  seedNoAnswer: {
    'en-US': 'Is the API running at {api}? (npm start serves one at {local}; or pass --api URL)',
    'zh-CN': 'API 是否正在 {api} 运行？（"npm start" 会在 {local} 提供一个；也可以用 --api URL 指定）',
  },
  seedTokenRejected: {
    'en-US': 'The API did not accept PERFPLAN_TOKEN: it must be a current token from the issuer {api} trusts.',
    'zh-CN': 'API 不接受 PERFPLAN_TOKEN：它必须是 {api} 所信任的颁发者签发的、仍然有效的令牌。',
  },
  seedLocalRejected: {
    'en-US': 'The API did not accept the local development token: only a local API whose key folder is this one trusts it (PERFPLAN_LOCAL_ISSUER_DIR); otherwise set PERFPLAN_TOKEN.',
    'zh-CN': 'API 不接受本地开发令牌：只有使用同一密钥文件夹的本地 API 才信任它（PERFPLAN_LOCAL_ISSUER_DIR）；否则请设置 PERFPLAN_TOKEN。',
  },
  seedNoRole: { 'en-US': 'The token lacks the app role {role}.', 'zh-CN': '该令牌缺少应用角色 {role}。' },
  seedNoRoutes: {
    'en-US': 'No /builtins routes at {api}: is it a PerfPlan API of this version, and does the URL end in /api?',
    'zh-CN': '{api} 上没有 "/builtins" 路由：它是这个版本的 PerfPlan API 吗？URL 是否以 "/api" 结尾？',
  },

  // ---- perfplan token (dev/token.ts) -----------------------------------------------------------
  tokenUsage: {
    'en-US': `Usage:
  perfplan token [--role admin|publisher|reader|<AppRole>] [--tid TENANT] [--sub USER] [--oid ID] [--name NAME] [--expires 1h]

Prints a fresh local development bearer token on stdout.
  --role     admin → roles ["{admin}"]; publisher → roles ["{publisher}"] (the
             seed's identity); reader → no roles (default); any other value is used as an app
             role name. Repeat to combine roles.
  --tid      organization (tenant) id, default "{tenant}"
  --sub      user (subject), default "{subject}"
  --oid      the user's object id (oid claim: who acted, in a run's approvals and audit), default none
  --name     the user's display name (name claim), default none
  --expires  lifetime such as 30m, 1h, 8h (default {expires}, at most 24h)
  --lang     the language of these messages: en-US or zh-CN (default: LANG)

Example: curl -H "Authorization: Bearer $(npm run -s token -- --role admin)" ...`,
    'zh-CN': `用法：
  perfplan token [--role admin|publisher|reader|<AppRole>] [--tid TENANT] [--sub USER] [--oid ID] [--name NAME] [--expires 1h]

在标准输出上打印一个新的本地开发持有者令牌。
  --role     admin → 角色 ["{admin}"]；publisher → 角色 ["{publisher}"]（seed 使用的
             身份）；reader → 没有角色（默认）；其他值按应用角色名使用。可重复以组合多个角色。
  --tid      组织（租户）ID，默认 "{tenant}"
  --sub      用户（主体），默认 "{subject}"
  --oid      用户的对象 ID（"oid" 声明：批次审批和审计中记录的操作人），默认没有
  --name     用户的显示名称（"name" 声明），默认没有
  --expires  有效期，如 30m、1h、8h（默认 {expires}，最长 24h）
  --lang     这些消息的语言：en-US 或 zh-CN（默认按 LANG 决定）

示例：curl -H "Authorization: Bearer $(npm run -s token -- --role admin)" ...`,
  },
  needsValue: { 'en-US': '{option} needs a value', 'zh-CN': '{option} 需要一个值' },
  invalidRole: { 'en-US': 'invalid role "{role}"', 'zh-CN': '无效的角色 "{role}"' },
  expiresDuration: { 'en-US': '--expires needs a duration such as 30m or 1h, got "{value}"', 'zh-CN': '--expires 需要一个时长，如 30m 或 1h；实际为 "{value}"' },
  expiresAtMost: { 'en-US': '--expires must be at most 24h', 'zh-CN': '--expires 最长为 24h' },
  issuerConfigured: {
    'en-US': 'PERFPLAN_AUTH_ISSUER is set to {issuer}; dev tokens come only from the local issuer. Unset it for local development, or get a real token from Entra ID.',
    'zh-CN': 'PERFPLAN_AUTH_ISSUER 设为了 "{issuer}"；开发令牌只能来自本地颁发者。本地开发时请取消该设置，或从 Entra ID 获取正式令牌。',
  },
  issuerUnusable: { 'en-US': 'cannot use the local issuer in {dir}: {reason}', 'zh-CN': '无法使用 "{dir}" 中的本地颁发者：{reason}' },
  tokenMinted: {
    'en-US': 'sub={sub} tid={tid} roles=[{roles}] expires {expires} (issuer {issuer})',
    'zh-CN': '主体 "{sub}"，组织 "{tid}"，角色 [{roles}]，到期 {expires}（颁发者 "{issuer}"）',
  },
} as const satisfies Record<string, Text>;

/**
 * The language tag of `--lang X` / `--lang=X` among a command's arguments (the last one
 * given), or undefined; a `--lang` with nothing after it names none.
 */
export function langArgument(args: readonly string[]): string | undefined {
  let lang: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
    else if (arg === '--lang' && args[i + 1]) lang = args[++i];
  }
  return lang;
}

/**
 * The command line's one locale: the arguments' --lang when they have one, else the
 * environment (LC_ALL, LC_MESSAGES, LANG). Every perfplan command decides with it, before
 * its arguments are checked, so that even a usage error is said in the user's language.
 */
export function argumentsLocale(args: readonly string[], env: Readonly<Record<string, string | undefined>>): Locale {
  return commandLineLocale(langArgument(args), env);
}

/** Names (functions, sheets, cells) as a list inside a message: "a, b" / "a、b". */
export function nameList(names: readonly string[], more = false): Text {
  return { 'en-US': `${names.join(', ')}${more ? ', …' : ''}`, 'zh-CN': `${names.join('、')}${more ? '……' : ''}` };
}
