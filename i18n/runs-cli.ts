/**
 * What `perfplan run` (cli/run.ts: payout runs over the HTTP API, issue 13 item 6) prints, in
 * en-US and zh-CN side by side. The command line's locale decides (--lang, else LC_ALL,
 * LC_MESSAGES, LANG). Options, metavariables (ID, PERSON), file names, URLs, environment
 * variables, app role names and the API's status words as the API spells them stay as they
 * are typed; what the API said (a problem's detail, a run's error) is quoted in Chinese.
 */
import type { Text } from './text';

/** The usage's command lines: typed as they are in both languages, so written once. */
const SYNOPSIS = `  perfplan run submit BOOK.xlsx --period P --people TABLE --payout COLUMN [--currency CNY] [--map payroll.json] [--wait [--timeout SECONDS]]
  perfplan run status ID [--json]
  perfplan run list [--period P] [--status STATUS] [--json]
  perfplan run approve ID [--comment TEXT]
  perfplan run reject ID --comment TEXT
  perfplan run payroll ID --out payroll.csv|payroll.xlsx
  perfplan run statement ID PERSON --out FILE.html|FILE.xlsx`;

export const RUNS_CLI = {
  // ---- Usage (perfplan run --help) -----------------------------------------------------------
  usage: {
    'en-US': `Usage:
${SYNOPSIS}

Payout runs on the PerfPlan API: submit a workbook, follow it, approve or reject it, then
download the payroll file and each person's statement.
  --api URL       the API (default: PERFPLAN_API_URL, else {api})
  --token TOKEN   the bearer token (default: PERFPLAN_TOKEN); for a local API,
                  perfplan token --role {submitter} makes one
  --wait          poll until the run is no longer queued (at most --timeout, default {seconds} s)
  approve, reject need the app roles {approver} and {approver}.TierK for the pending level K;
                  the run's submitter, and whoever decided its previous level, may not decide
  --json          print the run (or the list) as the API returns it
  --lang zh-CN    messages in Simplified Chinese (default: LANG)

Exit status: 0 done, 1 a usage error, 2 a local file cannot be read or written, 3 the API
cannot be reached, 4 --wait ran out of time, 5 an internal error, 6 the API refused the
request (bad input, server error), 7 the token was not accepted (401), 8 not allowed (403),
9 no such run or person (404), 10 the run is not in the state this needs (409), 11 someone
else acted on the run first (412), 12 the API asked for If-Match (428), 13 the run failed.`,
    'zh-CN': `用法：
${SYNOPSIS}

PerfPlan API 上的薪酬计算批次：提交工作簿、跟踪进度、审批通过或驳回，然后下载工资文件
和每个人的结算单。
  --api URL       API 地址（默认：PERFPLAN_API_URL，否则为 {api}）
  --token TOKEN   持有者令牌（默认：PERFPLAN_TOKEN）；对本地 API，
                  "perfplan token --role {submitter}" 可以生成一个
  --wait          轮询直到批次不再排队（最多 --timeout 秒，默认 {seconds} 秒）
  approve、reject 需要应用角色 {approver} 和 {approver}.TierK（K 为待审批的级别）；
                  批次的提交人以及审批过前一级的人不能审批
  --json          按 API 返回的原样打印批次（或列表）
  --lang en-US    消息改用英文（默认按 LANG 决定）

退出状态：0 完成，1 用法错误，2 无法读取或写出本地文件，3 无法连接 API，4 --wait 超时，
5 内部错误，6 API 拒绝了请求（输入有误、服务器错误），7 令牌未被接受（401），8 无权操作（403），
9 没有该批次或人员（404），10 批次不处于所需状态（409），11 已有他人先处理了该批次（412），
12 API 要求 "If-Match"（428），13 批次计算失败。`,
  },

  // ---- Arguments (exit 1) ----------------------------------------------------------------------
  unknownSubcommand: {
    'en-US': 'unknown subcommand "{command}" (submit, status, list, approve, reject, payroll or statement)',
    'zh-CN': '未知的子命令 "{command}"（可用 submit、status、list、approve、reject、payroll 或 statement）',
  },
  needsSubcommand: {
    'en-US': 'run needs a subcommand: submit, status, list, approve, reject, payroll or statement',
    'zh-CN': 'run 需要一个子命令：submit、status、list、approve、reject、payroll 或 statement',
  },
  submitNeeds: {
    'en-US': 'submit needs a workbook (BOOK.xlsx), --period, --people and --payout',
    'zh-CN': 'submit 需要一个工作簿（BOOK.xlsx）以及 --period、--people 和 --payout',
  },
  needsId: { 'en-US': '{command} needs a run id (ID)', 'zh-CN': '{command} 需要一个批次 ID（ID）' },
  badId: { 'en-US': '"{id}" is not a run id (32 hexadecimal digits)', 'zh-CN': '"{id}" 不是批次 ID（应为 32 位十六进制数字）' },
  statementNeeds: {
    'en-US': 'statement needs a run id, a person (their id or row-N) and --out FILE.html|FILE.xlsx',
    'zh-CN': 'statement 需要一个批次 ID、一个人员（其 ID 或 "row-N"）以及 --out FILE.html|FILE.xlsx',
  },
  payrollNeeds: { 'en-US': 'payroll needs a run id and --out payroll.csv|payroll.xlsx', 'zh-CN': 'payroll 需要一个批次 ID 以及 --out payroll.csv|payroll.xlsx' },
  outExtension: { 'en-US': '--out must end in {extensions}, got {file}', 'zh-CN': '--out 必须以 {extensions} 结尾；实际为 {file}' },
  rejectNeedsComment: { 'en-US': 'reject needs --comment TEXT: say why', 'zh-CN': 'reject 需要 --comment TEXT：请说明驳回原因' },
  commentTooLong: {
    'en-US': '--comment is {length} characters long; at most {max} are allowed',
    'zh-CN': '--comment 长 {length} 个字符；最多允许 {max} 个',
  },
  commentBlank: { 'en-US': '--comment must not be blank', 'zh-CN': '--comment 不能为空白' },
  noToken: {
    'en-US': 'no token: pass --token TOKEN or set PERFPLAN_TOKEN (for a local API, perfplan token --role {role} makes one)',
    'zh-CN': '没有令牌：请用 --token TOKEN 指定或设置 PERFPLAN_TOKEN（对本地 API，"perfplan token --role {role}" 可以生成一个）',
  },
  cannotRead: { 'en-US': 'cannot read {file}: {reason}', 'zh-CN': '无法读取 {file}：{reason}' },
  optionNotHere: { 'en-US': '{option} does not apply to run {command}', 'zh-CN': '{option} 不适用于 run {command}' },

  // ---- Talking to the API ------------------------------------------------------------------------
  unreachable: {
    'en-US': 'cannot reach the API at {api}: {reason}. Is it running? (npm start serves one at {local}; or pass --api URL)',
    'zh-CN': '无法连接 {api} 上的 API：{reason}。它是否正在运行？（"npm start" 会在 {local} 提供一个；也可以用 --api URL 指定）',
  },
  noAnswer: { 'en-US': 'no answer within {seconds} s', 'zh-CN': '{seconds} 秒内没有应答' },
  notJson: { 'en-US': 'the API answered {status} with a body that is not JSON', 'zh-CN': 'API 返回了 {status}，但响应体不是 JSON' },
  /** What the API said: its problem detail, quoted in Chinese. */
  apiSaid: { 'en-US': 'the API says: {detail}', 'zh-CN': 'API 的说明："{detail}"' },
  /** One entry of a problem's `errors`: the field and what is wrong with it. */
  apiFieldError: { 'en-US': '  {path}: {message}', 'zh-CN': '  {path}："{message}"' },
  refused: { 'en-US': 'the API refused the request ({status} {title})', 'zh-CN': 'API 拒绝了请求（{status} {title}）' },
  unauthorized: {
    'en-US': 'the API did not accept the token (401): it must be a current token from an issuer the API trusts',
    'zh-CN': 'API 不接受该令牌（401）：它必须是 API 所信任的颁发者签发的、仍然有效的令牌',
  },
  forbidden: {
    'en-US': 'not allowed (403): the token lacks the app role this needs ({roles})',
    'zh-CN': '无权操作（403）：该令牌缺少此操作所需的应用角色（{roles}）',
  },
  forbiddenSubmitter: {
    'en-US': 'not allowed (403): you submitted run {id}, and the submitter may not decide on it',
    'zh-CN': '无权操作（403）：批次 {id} 是你提交的，提交人不能审批它',
  },
  forbiddenDecided: {
    'en-US': 'not allowed (403): you already decided an earlier level of run {id}; another approver must decide this one',
    'zh-CN': '无权操作（403）：你已经审批过批次 {id} 的前一级；这一级须由另一位审批人处理',
  },
  notFound: { 'en-US': 'no such run {id} in your organization (404)', 'zh-CN': '你的组织中没有批次 {id}（404）' },
  notFoundPerson: { 'en-US': 'run {id} has no statement for {person} (404)', 'zh-CN': '批次 {id} 没有 {person} 的结算单（404）' },
  notAwaiting: {
    'en-US': 'run {id} is not awaiting approval (409){status}',
    'zh-CN': '批次 {id} 不处于待审批状态（409）{status}',
  },
  notApproved: {
    'en-US': 'run {id} has no payroll file yet (409): it must be approved first{status}',
    'zh-CN': '批次 {id} 还没有工资文件（409）：须先审批通过{status}',
  },
  notCalculated: { 'en-US': 'run {id} is not calculated (409){status}', 'zh-CN': '批次 {id} 尚未计算（409）{status}' },
  /** The status the run has now, after a 409: "; it is rejected". */
  nowStatus: { 'en-US': '; it is {status}', 'zh-CN': '；当前状态：{status}' },
  stale: {
    'en-US': 'someone else acted on run {id} first (412): re-read it (perfplan run status {id}) and try again',
    'zh-CN': '已有他人先处理了批次 {id}（412）：请重新读取（perfplan run status {id}）后再试',
  },
  ifMatchRequired: {
    'en-US': 'the API asked for the If-Match header (428); this is a fault of this client: run it again',
    'zh-CN': 'API 要求提供 "If-Match" 请求头（428）；这是本客户端的问题：请重新运行',
  },
  serverError: { 'en-US': 'the API failed ({status} {title})', 'zh-CN': 'API 出错（{status} {title}）' },
  noEtag: { 'en-US': 'the API sent run {id} without an ETag', 'zh-CN': 'API 返回的批次 {id} 没有 "ETag"' },
  waitTimedOut: {
    'en-US': 'run {id} is still queued after {seconds} s (--timeout); follow it with perfplan run status {id}',
    'zh-CN': '批次 {id} 在 {seconds} 秒后仍在排队（--timeout）；可用 perfplan run status {id} 继续跟踪',
  },
  runFailed: { 'en-US': 'run {id} failed', 'zh-CN': '批次 {id} 计算失败' },

  // ---- What it prints ----------------------------------------------------------------------------
  submitted: { 'en-US': 'submitted run {id}: {status}', 'zh-CN': '已提交批次 {id}：{status}' },
  alreadySubmitted: {
    'en-US': 'this workbook was already submitted for this period and table: run {id}: {status}',
    'zh-CN': '该工作簿已针对同一期间和表格提交过：批次 {id}：{status}',
  },
  decided: { 'en-US': 'run {id}: {decision}; the run is now {status}', 'zh-CN': '批次 {id}：{decision}；批次当前状态：{status}' },
  approvedLevel: { 'en-US': 'level {level} ({name}) approved', 'zh-CN': '第 {level} 级（"{name}"）已批准' },
  rejectedLevel: { 'en-US': 'level {level} ({name}) rejected', 'zh-CN': '第 {level} 级（"{name}"）已驳回' },
  wrote: { 'en-US': 'wrote {file} ({bytes} bytes)', 'zh-CN': '已写出 {file}（{bytes} 字节）' },
  noRuns: { 'en-US': 'no runs', 'zh-CN': '没有批次' },
  /** One run of `perfplan run list`. */
  listLine: {
    'en-US': '{id}  {status}  {period}  {total}{overdue}',
    'zh-CN': '{id}  {status}  {period}  {total}{overdue}',
  },

  // ---- perfplan run status ------------------------------------------------------------------------
  viewRun: { 'en-US': 'run {id}', 'zh-CN': '批次 {id}' },
  viewStatus: { 'en-US': '  status     {status}{overdue}', 'zh-CN': '  状态       {status}{overdue}' },
  viewPeriod: { 'en-US': '  period     {period}', 'zh-CN': '  期间       {period}' },
  viewPayout: { 'en-US': '  payout     {table}[{column}]', 'zh-CN': '  薪酬列     {table}[{column}]' },
  viewSubmitted: { 'en-US': '  submitted  {at} by {by}', 'zh-CN': '  提交       {at}，提交人 {by}' },
  viewTotal: { 'en-US': '  total      {total}', 'zh-CN': '  合计       {total}' },
  viewNoTotal: { 'en-US': '  total      none yet', 'zh-CN': '  合计       暂无' },
  viewTier: { 'en-US': '  tier       {tier} (approval levels)', 'zh-CN': '  审批层级   {tier}' },
  viewSteps: { 'en-US': '  steps', 'zh-CN': '  审批步骤' },
  viewErrors: { 'en-US': '  errors', 'zh-CN': '  错误' },
  /** A total: amount, currency and how many people. */
  totalOf: { 'en-US': '{amount}{currency} for {people} people', 'zh-CN': '{amount}{currency}，共 {people} 人' },
  /** One approval step: "1 department: pending, due …". */
  step: { 'en-US': '    {level} {name}: {status}{detail}', 'zh-CN': '    第 {level} 级 "{name}"：{status}{detail}' },
  stepDue: { 'en-US': ', due {due}', 'zh-CN': '，截止 {due}' },
  stepDecided: { 'en-US': ' by {by} at {at}', 'zh-CN': '，处理人 {by}，时间 {at}' },
  stepComment: { 'en-US': ': "{comment}"', 'zh-CN': '：“{comment}”' },
  overdue: { 'en-US': ' (overdue)', 'zh-CN': '（已超期）' },
  /** One error of a failed run, as the API reported it (its message quoted in Chinese). */
  runError: { 'en-US': '    {where}{message}', 'zh-CN': '    {where}"{message}"' },
  errorWhere: { 'en-US': '{person} {cell}: ', 'zh-CN': '{person} {cell}：' },

  // ---- The API's status words -------------------------------------------------------------------
  'status.queued': { 'en-US': 'queued', 'zh-CN': '排队中' },
  'status.calculated': { 'en-US': 'calculated', 'zh-CN': '已计算' },
  'status.awaiting-approval': { 'en-US': 'awaiting-approval', 'zh-CN': '待审批' },
  'status.approved': { 'en-US': 'approved', 'zh-CN': '已批准' },
  'status.rejected': { 'en-US': 'rejected', 'zh-CN': '已驳回' },
  'status.exported': { 'en-US': 'exported', 'zh-CN': '已导出' },
  'status.failed': { 'en-US': 'failed', 'zh-CN': '失败' },
  'step.waiting': { 'en-US': 'waiting', 'zh-CN': '等待前一级' },
  'step.pending': { 'en-US': 'pending', 'zh-CN': '待审批' },
  /** A status word the API has and this client does not know yet: as the API spells it. */
  'status.other': { 'en-US': '{status}', 'zh-CN': '"{status}"' },
} as const satisfies Record<string, Text>;
