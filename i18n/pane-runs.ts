/**
 * The Runs view (issue 13 item 5): submitting the open workbook as a payout run, watching it,
 * its people's statements, approving or rejecting it, and the payroll file — en-US and zh-CN
 * side by side (its own catalog, so the lazily loaded view carries only its own words).
 * Finance words follow the glossary (terms.ts): payout 奖金.
 */
import type { Text } from './text';

export const RUNS = {
  title: { 'en-US': 'Payout runs', 'zh-CN': '奖金发放批次' },
  intro: {
    'en-US': 'Submit the open workbook for a period, follow its calculation and approval, read each person’s statement and, once approved, download the payroll file.',
    'zh-CN': '按期间提交打开的工作簿，跟踪计算与审批进度，查看每个人的结算单；审批通过后下载工资文件。',
  },

  // ---- Signing in ---------------------------------------------------------------------------
  signInHeading: { 'en-US': 'Sign in', 'zh-CN': '登录' },
  signInHelp: {
    'en-US': 'Runs are private to your organization. Sign in with your work account, or paste an access token your administrator gave you. The token stays in this pane only.',
    'zh-CN': '发放批次仅本组织可见。请用工作账户登录，或粘贴管理员提供的访问令牌。令牌只保存在本任务窗格中。',
  },
  signInOffice: { 'en-US': 'Sign in with your work account', 'zh-CN': '用工作账户登录' },
  signingIn: { 'en-US': 'Signing in…', 'zh-CN': '正在登录…' },
  signInFailed: {
    'en-US': 'Signing in did not work here ({code}). Paste an access token instead.',
    'zh-CN': '此处无法登录（{code}）。请改为粘贴访问令牌。',
  },
  tokenLabel: { 'en-US': 'Access token', 'zh-CN': '访问令牌' },
  signOut: { 'en-US': 'Forget the token', 'zh-CN': '清除令牌' },
  signedInAs: { 'en-US': 'Signed in as {name}. Roles: {roles}.', 'zh-CN': '已登录：{name}。角色：{roles}。' },
  noRoles: { 'en-US': 'none', 'zh-CN': '无' },
  roleSubmitter: { 'en-US': 'submitter', 'zh-CN': '提交人' },
  roleApprover: { 'en-US': 'approver', 'zh-CN': '审批人' },
  roleApproverTier: { 'en-US': 'approver, level {level}', 'zh-CN': '第 {level} 级审批人' },
  notSignedIn: { 'en-US': 'Sign in to see and submit runs.', 'zh-CN': '请先登录，才能查看和提交发放批次。' },

  // ---- Submitting --------------------------------------------------------------------------
  submitHeading: { 'en-US': 'Submit this workbook', 'zh-CN': '提交此工作簿' },
  submitHelp: {
    'en-US': 'The workbook is sent as it is now, unsaved changes included, and recalculated by the service. Each person is a row of the people table; their payout is the payout column.',
    'zh-CN': '工作簿按当前内容（包括未保存的修改）发送，由服务重新计算。人员表中的每一行是一个人，奖金取自奖金列。',
  },
  needsExcel: {
    'en-US': 'Submitting reads the open workbook: open PerfPlan from the Excel ribbon. Runs already submitted can be followed here.',
    'zh-CN': '提交需要读取打开的工作簿：请从 Excel 功能区打开 PerfPlan。已提交的批次仍可在此查看。',
  },
  readTables: { 'en-US': 'Read the workbook’s tables', 'zh-CN': '读取工作簿中的表格' },
  readingTables: { 'en-US': 'Reading the tables…', 'zh-CN': '正在读取表格…' },
  noTables: {
    'en-US': 'The workbook has no Excel table. Make the people’s rows a table (Insert › Table), then read the tables again.',
    'zh-CN': '工作簿中没有 Excel 表格。请将人员所在的行设为表格（插入 › 表格），然后重新读取。',
  },
  tablesFailed: { 'en-US': 'The tables could not be read: {message}', 'zh-CN': '无法读取表格：{message}' },
  tablesFailedPlain: { 'en-US': 'The tables could not be read.', 'zh-CN': '无法读取表格。' },
  periodLabel: { 'en-US': 'Period', 'zh-CN': '所属期间' },
  periodHint: { 'en-US': 'As the plan writes it, e.g. 2025-07', 'zh-CN': '按方案中的写法，例如 2025-07' },
  tableLabel: { 'en-US': 'People table', 'zh-CN': '人员表' },
  tableOption: { 'en-US': '{table} (sheet {sheet})', 'zh-CN': '{table}（工作表 {sheet}）' },
  columnLabel: { 'en-US': 'Payout column', 'zh-CN': '奖金列' },
  currencyLabel: { 'en-US': 'Currency', 'zh-CN': '币种' },
  currencyHint: { 'en-US': 'ISO 4217 code, e.g. CNY or USD', 'zh-CN': 'ISO 4217 代码，例如 CNY 或 USD' },
  periodMissing: { 'en-US': 'Enter the period.', 'zh-CN': '请输入所属期间。' },
  periodTooLong: { 'en-US': 'The period is at most 40 characters.', 'zh-CN': '所属期间最多 40 个字符。' },
  currencyInvalid: { 'en-US': 'The currency is three capital letters (ISO 4217), e.g. CNY.', 'zh-CN': '币种为三个大写字母（ISO 4217），例如 CNY。' },
  mapLabel: { 'en-US': 'Payroll map (JSON, optional)', 'zh-CN': '工资映射（JSON，可选）' },
  mapHint: {
    'en-US': 'The map the command-line export takes. Without it the payroll file has employee id, name, period, amount payable and cost centre from the people table.',
    'zh-CN': '命令行导出所用的映射。不填时，工资文件按人员表生成工号、姓名、所属期间、应发金额和成本中心。',
  },
  submit: { 'en-US': 'Submit run', 'zh-CN': '提交批次' },
  submitting: { 'en-US': 'Sending the workbook…', 'zh-CN': '正在发送工作簿…' },
  submitted: { 'en-US': 'Submitted: the run for {period} is queued for calculation.', 'zh-CN': '已提交：{period} 的批次已排队等待计算。' },
  alreadySubmitted: {
    'en-US': 'This workbook was already submitted for {period} with this table: here is that run.',
    'zh-CN': '此工作簿已按该期间（{period}）和该表提交过：以下是那个批次。',
  },
  submitFailed: { 'en-US': 'The run was not submitted', 'zh-CN': '批次未提交' },
  fileFailed: {
    'en-US': 'Excel did not hand over the workbook’s file ({message}). Save the workbook and try again.',
    'zh-CN': 'Excel 没有提供工作簿文件（{message}）。请保存工作簿后重试。',
  },
  fileFailedPlain: {
    'en-US': 'Excel did not hand over the workbook’s file. Save the workbook and try again.',
    'zh-CN': 'Excel 没有提供工作簿文件。请保存工作簿后重试。',
  },
  fileTimeout: {
    'en-US': 'Excel did not hand over the workbook’s file within {seconds} seconds. Save the workbook and try again.',
    'zh-CN': 'Excel 未在 {seconds} 秒内提供工作簿文件。请保存工作簿后重试。',
  },
  fileUnsupported: {
    'en-US': 'This version of Excel cannot hand over the workbook’s file to the pane.',
    'zh-CN': '此版本的 Excel 无法将工作簿文件交给任务窗格。',
  },

  // ---- The list ----------------------------------------------------------------------------
  listHeading: { 'en-US': 'Your organization’s runs', 'zh-CN': '本组织的发放批次' },
  statusFilter: { 'en-US': 'Status', 'zh-CN': '状态' },
  statusAll: { 'en-US': 'Any status', 'zh-CN': '全部状态' },
  periodFilter: { 'en-US': 'Period (exact)', 'zh-CN': '所属期间（完全一致）' },
  refresh: { 'en-US': 'Refresh', 'zh-CN': '刷新' },
  more: { 'en-US': 'Show more', 'zh-CN': '显示更多' },
  loadingRuns: { 'en-US': 'Loading runs…', 'zh-CN': '正在加载发放批次…' },
  listFailed: { 'en-US': 'The runs could not be loaded', 'zh-CN': '无法加载发放批次' },
  noRuns: { 'en-US': 'No run yet.', 'zh-CN': '暂无发放批次。' },
  runCount: { 'en-US': 'Runs shown: {count}', 'zh-CN': '显示 {count} 个批次' },
  runsLabel: { 'en-US': 'Runs', 'zh-CN': '发放批次' },
  runTitle: { 'en-US': 'Run for {period}', 'zh-CN': '{period} 的批次' },
  open: { 'en-US': 'Open', 'zh-CN': '打开' },
  openLabel: { 'en-US': 'Open the run for {period}, {status}', 'zh-CN': '打开 {period} 的批次（{status}）' },
  overdue: { 'en-US': 'Overdue', 'zh-CN': '已超时' },

  // ---- Statuses ----------------------------------------------------------------------------
  'status.queued': { 'en-US': 'Queued', 'zh-CN': '排队中' },
  'status.calculated': { 'en-US': 'Calculated', 'zh-CN': '已计算' },
  'status.awaiting-approval': { 'en-US': 'Awaiting approval', 'zh-CN': '待审批' },
  'status.approved': { 'en-US': 'Approved', 'zh-CN': '已批准' },
  'status.rejected': { 'en-US': 'Rejected', 'zh-CN': '已驳回' },
  'status.exported': { 'en-US': 'Payroll downloaded', 'zh-CN': '工资文件已下载' },
  'status.failed': { 'en-US': 'Failed', 'zh-CN': '计算失败' },
  'step.waiting': { 'en-US': 'Not yet', 'zh-CN': '未开始' },
  'step.pending': { 'en-US': 'Pending', 'zh-CN': '审批中' },
  'step.approved': { 'en-US': 'Approved', 'zh-CN': '已批准' },
  'step.rejected': { 'en-US': 'Rejected', 'zh-CN': '已驳回' },

  // ---- One run -----------------------------------------------------------------------------
  detailsHeading: { 'en-US': 'Run for {period}', 'zh-CN': '{period} 的批次' },
  close: { 'en-US': 'Close', 'zh-CN': '关闭' },
  reload: { 'en-US': 'Reload', 'zh-CN': '重新加载' },
  watchFailed: { 'en-US': 'Following the calculation stopped', 'zh-CN': '已停止跟踪计算进度' },
  watching: { 'en-US': 'Calculating… this updates by itself.', 'zh-CN': '正在计算……此处会自动更新。' },
  factStatus: { 'en-US': 'Status', 'zh-CN': '状态' },
  factPeriod: { 'en-US': 'Period', 'zh-CN': '所属期间' },
  factTable: { 'en-US': 'People table', 'zh-CN': '人员表' },
  factColumn: { 'en-US': 'Payout column', 'zh-CN': '奖金列' },
  factTotal: { 'en-US': 'Total payout', 'zh-CN': '奖金合计' },
  factPeople: { 'en-US': 'People', 'zh-CN': '人数' },
  factTier: { 'en-US': 'Approval levels', 'zh-CN': '审批级数' },
  factSubmitted: { 'en-US': 'Submitted', 'zh-CN': '提交' },
  submittedBy: { 'en-US': '{date} by {who}', 'zh-CN': '{who} 于 {date} 提交' },
  factUpdated: { 'en-US': 'Updated', 'zh-CN': '更新时间' },
  factWorkbook: { 'en-US': 'Workbook SHA-256', 'zh-CN': '工作簿哈希值（SHA256）' },
  notYet: { 'en-US': 'not yet', 'zh-CN': '尚无' },
  errorsHeading: { 'en-US': 'Why the calculation failed', 'zh-CN': '计算失败的原因' },
  errorAt: { 'en-US': '{person} (cell {cell}): {message}', 'zh-CN': '{person}（单元格 {cell}）：{message}' },
  stepsHeading: { 'en-US': 'Approval', 'zh-CN': '审批' },
  stepsLabel: { 'en-US': 'Approval steps', 'zh-CN': '审批步骤' },
  stepTitle: { 'en-US': 'Level {level}: {name}', 'zh-CN': '第 {level} 级：{name}' },
  // The default approval levels' names as the API sends them (configured names are shown as they are).
  'level.department': { 'en-US': 'department', 'zh-CN': '部门' },
  'level.finance': { 'en-US': 'finance', 'zh-CN': '财务' },
  'level.executive': { 'en-US': 'executive', 'zh-CN': '高管' },
  stepDue: { 'en-US': 'due {date}', 'zh-CN': '截止 {date}' },
  stepDecided: { 'en-US': 'By {who}, {date}', 'zh-CN': '审批人 {who}，{date}' },
  stepComment: { 'en-US': 'Comment: {comment}', 'zh-CN': '意见：{comment}' },
  someone: { 'en-US': 'someone', 'zh-CN': '某人' },

  // ---- Statements --------------------------------------------------------------------------
  statementsHeading: { 'en-US': 'Statements', 'zh-CN': '结算单' },
  personLabel: { 'en-US': 'Person', 'zh-CN': '人员' },
  personOption: { 'en-US': '{name} — {payout}', 'zh-CN': '{name} — {payout}' },
  loadingPeople: { 'en-US': 'Loading the people…', 'zh-CN': '正在加载人员…' },
  peopleFailed: { 'en-US': 'The people of this run could not be loaded', 'zh-CN': '无法加载此批次的人员' },
  showStatement: { 'en-US': 'Show statement', 'zh-CN': '显示结算单' },
  statementFailed: { 'en-US': 'The statement could not be loaded', 'zh-CN': '无法加载结算单' },
  statementFrame: { 'en-US': 'Statement of {name}', 'zh-CN': '{name} 的结算单' },
  saveStatement: { 'en-US': 'Save as web page', 'zh-CN': '另存为网页' },
  statementXlsx: { 'en-US': 'Download as workbook', 'zh-CN': '下载为工作簿' },

  // ---- Deciding ----------------------------------------------------------------------------
  decideHeading: { 'en-US': 'Your decision', 'zh-CN': '您的审批意见' },
  decideHelp: { 'en-US': 'You decide level {level} ({name}).', 'zh-CN': '您审批第 {level} 级（{name}）。' },
  commentLabel: { 'en-US': 'Comment (required to reject)', 'zh-CN': '意见（驳回时必填）' },
  commentTooLong: { 'en-US': 'The comment is at most 1,000 characters.', 'zh-CN': '意见最多 1,000 个字符。' },
  commentNeeded: { 'en-US': 'Say why you reject the run.', 'zh-CN': '请说明驳回的理由。' },
  approve: { 'en-US': 'Approve', 'zh-CN': '批准' },
  reject: { 'en-US': 'Reject', 'zh-CN': '驳回' },
  deciding: { 'en-US': 'Sending…', 'zh-CN': '正在发送…' },
  approved: { 'en-US': 'Approved level {level}.', 'zh-CN': '已批准第 {level} 级。' },
  rejected: { 'en-US': 'Rejected the run.', 'zh-CN': '已驳回此批次。' },
  decisionFailed: { 'en-US': 'Your decision was not recorded', 'zh-CN': '您的审批意见未被记录' },
  stale: {
    'en-US': 'Someone else acted on this run first. Reload it and look again before you decide.',
    'zh-CN': '其他人已先处理此批次。请重新加载并查看后再审批。',
  },
  denied: {
    'en-US': 'You may not decide this step: it needs an approver of its level who did not submit the run and has not decided an earlier level.',
    'zh-CN': '您不能审批这一步：需要该级别的审批人，且不是批次提交人、未审批过前面的级别。',
  },
  ownRun: {
    'en-US': 'You submitted this run, so someone else must approve or reject it.',
    'zh-CN': '此批次由您提交，须由其他人审批或驳回。',
  },
  decidedEarlier: {
    'en-US': 'You decided an earlier level of this run: another approver must decide this one.',
    'zh-CN': '您已审批过此批次的前一级别，这一级须由其他审批人处理。',
  },
  notAwaiting: { 'en-US': 'The run is not awaiting approval (any more). Reload it to see where it stands.', 'zh-CN': '此批次（已）不在待审批状态。请重新加载查看当前状态。' },
  reloadFirst: { 'en-US': 'Reload the run before deciding.', 'zh-CN': '请先重新加载批次再审批。' },

  // ---- History (the audit) ----------------------------------------------------------------
  historyHeading: { 'en-US': 'History', 'zh-CN': '处理记录' },
  showHistory: { 'en-US': 'Show history', 'zh-CN': '显示处理记录' },
  historyFailed: { 'en-US': 'The history could not be loaded', 'zh-CN': '无法加载处理记录' },
  historyVerified: { 'en-US': 'The record is intact: every entry is chained to the one before.', 'zh-CN': '记录完整：每一条都与前一条相衔接。' },
  historyBroken: { 'en-US': 'The record has been altered: entry {seq} does not chain to the one before.', 'zh-CN': '记录已被改动：第 {seq} 条与前一条不衔接。' },
  historyBrokenSomewhere: { 'en-US': 'The record has been altered.', 'zh-CN': '记录已被改动。' },
  historyEntry: { 'en-US': '{date}: {action}, by {who}', 'zh-CN': '{date}：{action}，操作人 {who}' },
  historyLevel: { 'en-US': 'level {level}', 'zh-CN': '第 {level} 级' },
  'action.submit': { 'en-US': 'submitted', 'zh-CN': '提交' },
  'action.calculate': { 'en-US': 'calculated', 'zh-CN': '计算完成' },
  'action.route': { 'en-US': 'sent for approval', 'zh-CN': '送审' },
  'action.fail': { 'en-US': 'calculation failed', 'zh-CN': '计算失败' },
  'action.approve': { 'en-US': 'approved', 'zh-CN': '批准' },
  'action.reject': { 'en-US': 'rejected', 'zh-CN': '驳回' },
  'action.export': { 'en-US': 'payroll file downloaded', 'zh-CN': '下载工资文件' },
  system: { 'en-US': 'PerfPlan', 'zh-CN': 'PerfPlan 系统' },

  // ---- Payroll -----------------------------------------------------------------------------
  payrollHeading: { 'en-US': 'Payroll file', 'zh-CN': '工资文件' },
  payrollHelp: {
    'en-US': 'Available once the run is approved. CSV is UTF-8 with a BOM, so Excel opens Chinese right.',
    'zh-CN': '批次审批通过后可用。CSV 文件带 BOM 标记，Excel 可正确显示中文。',
  },
  payrollNotYet: { 'en-US': 'The payroll file can be downloaded once the run is approved.', 'zh-CN': '批次审批通过后才能下载工资文件。' },
  formatLabel: { 'en-US': 'Format', 'zh-CN': '格式' },
  formatCsv: { 'en-US': 'CSV', 'zh-CN': 'CSV' },
  formatXlsx: { 'en-US': 'Excel workbook', 'zh-CN': 'Excel 工作簿' },
  downloadPayroll: { 'en-US': 'Download payroll file', 'zh-CN': '下载工资文件' },
  downloading: { 'en-US': 'Downloading…', 'zh-CN': '正在下载…' },
  downloaded: { 'en-US': 'Downloaded {file}.', 'zh-CN': '已下载 {file}。' },
  payrollFailed: { 'en-US': 'The payroll file could not be downloaded', 'zh-CN': '无法下载工资文件' },
} satisfies Record<string, Text>;

export type RunsKey = keyof typeof RUNS;
