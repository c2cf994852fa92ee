/**
 * The task pane's shell, its shared messages, and the Templates and Benchmarks views, in en-US
 * and zh-CN side by side. Keys are typed: `t('templates.count', { count })` checks that the key
 * exists and that its placeholders get values. The other views have their own catalogs
 * (pane-weights.ts, pane-plan.ts, pane-scenarios.ts, pane-explain.ts) so that each lazily
 * loaded view carries only its own words. Finance words follow the glossary (terms.ts).
 */
import type { Text } from './text';

export const PANE = {
  'meta.lang': { 'en-US': 'en-US', 'zh-CN': 'zh-CN' },
  'meta.title': { 'en-US': 'PerfPlan', 'zh-CN': 'PerfPlan' },
  'app.title': { 'en-US': 'PerfPlan', 'zh-CN': 'PerfPlan' },
  'lang.group': { 'en-US': 'Language', 'zh-CN': '语言' },
  'lang.en-US': { 'en-US': 'English', 'zh-CN': 'English' },
  'lang.zh-CN': { 'en-US': '中文', 'zh-CN': '中文' },

  // ---- Shell -------------------------------------------------------------------------------
  'tabs.label': { 'en-US': 'PerfPlan sections', 'zh-CN': 'PerfPlan 功能' },
  'tab.templates': { 'en-US': 'Templates', 'zh-CN': '模板' },
  'tab.weights': { 'en-US': 'Weights', 'zh-CN': '权重' },
  'tab.plan': { 'en-US': 'Plan', 'zh-CN': '方案' },
  'tab.scenarios': { 'en-US': 'Scenarios', 'zh-CN': '情景' },
  'tab.explain': { 'en-US': 'Explain', 'zh-CN': '解释' },
  'tab.benchmarks': { 'en-US': 'Benchmarks', 'zh-CN': '基准' },
  'tab.compare': { 'en-US': 'Compare', 'zh-CN': '对比' },
  'tab.statements': { 'en-US': 'Statements', 'zh-CN': '结算单' },
  'tab.runs': { 'en-US': 'Runs', 'zh-CN': '发放批次' },
  'tabs.more': { 'en-US': 'More', 'zh-CN': '更多' },
  'tabs.moreLabel': { 'en-US': 'More sections ({count})', 'zh-CN': '更多功能（{count} 项）' },
  'view.loading': { 'en-US': 'Loading…', 'zh-CN': '正在加载…' },
  'view.loadFailed': {
    'en-US': 'This part of PerfPlan could not be loaded. Check the connection, then try again.',
    'zh-CN': 'PerfPlan 的这一部分无法加载。请检查网络连接后重试。',
  },
  'view.retry': { 'en-US': 'Try again', 'zh-CN': '重试' },
  'standalone.banner': { 'en-US': 'Not in Excel: inserting and writing are off.', 'zh-CN': '未在 Excel 中：插入和写入功能已关闭。' },
  'standalone.dismiss': { 'en-US': 'Dismiss the note', 'zh-CN': '关闭提示' },
  'excelOnly.note': { 'en-US': 'Available when PerfPlan runs in Excel.', 'zh-CN': '在 Excel 中运行 PerfPlan 时可用。' },

  // ---- First run ---------------------------------------------------------------------------
  'firstRun.title': { 'en-US': 'Start here', 'zh-CN': '从这里开始' },
  'firstRun.insert': { 'en-US': 'Insert a template from the Templates tab.', 'zh-CN': '在“模板”中插入一个模板。' },
  'firstRun.inputs': {
    'en-US': 'Change its input cells: every result recalculates.',
    'zh-CN': '修改模板中的输入单元格，所有结果随之重新计算。',
  },
  'firstRun.formula': { 'en-US': 'Type =PERF. in any cell to see every function.', 'zh-CN': '在任意单元格中输入 =PERF. 即可看到全部函数。' },
  'firstRun.functions': { 'en-US': 'The function list', 'zh-CN': '函数列表' },
  'firstRun.hideFunctions': { 'en-US': 'Hide the function list', 'zh-CN': '收起函数列表' },
  'firstRun.dismiss': { 'en-US': 'Got it', 'zh-CN': '知道了' },
  'functions.loading': { 'en-US': 'Loading the function list…', 'zh-CN': '正在加载函数列表…' },
  'functions.failed': { 'en-US': 'The function list could not be loaded.', 'zh-CN': '无法加载函数列表。' },
  'functions.label': { 'en-US': 'PERF functions', 'zh-CN': 'PERF 函数' },

  // ---- Errors shared by the views -----------------------------------------------------------
  'error.network': {
    'en-US': 'The PerfPlan service could not be reached. Check your connection and try again.',
    'zh-CN': '无法连接 PerfPlan 服务。请检查网络连接后重试。',
  },
  'error.timeout': {
    'en-US': 'The PerfPlan service did not answer within {seconds} seconds. Try again.',
    'zh-CN': 'PerfPlan 服务在 {seconds} 秒内没有响应。请重试。',
  },
  'error.http': {
    'en-US': 'The PerfPlan service answered with an error (HTTP {status}).',
    'zh-CN': 'PerfPlan 服务返回错误（HTTP {status}）。',
  },
  'error.unavailable': {
    'en-US': 'The PerfPlan service is temporarily unavailable. Try again in a moment.',
    'zh-CN': 'PerfPlan 服务暂时不可用，请稍后重试。',
  },
  'error.notFound': { 'en-US': 'The PerfPlan service does not have this item (any more).', 'zh-CN': 'PerfPlan 服务上没有这一项（或已被删除）。' },
  'error.denied': { 'en-US': 'You are not allowed to open this item.', 'zh-CN': '您没有权限打开这一项。' },
  'error.busy': { 'en-US': 'Too many requests at once. Wait a moment and try again.', 'zh-CN': '请求过于频繁，请稍候再试。' },
  'error.parse': {
    'en-US': 'The PerfPlan service sent an answer that could not be read.',
    'zh-CN': 'PerfPlan 服务返回的内容无法读取。',
  },
  'error.excel': { 'en-US': 'Excel could not complete the action: {message}', 'zh-CN': 'Excel 无法完成此操作：{message}' },
  'error.excelGeneric': { 'en-US': 'Excel could not complete the action.', 'zh-CN': 'Excel 无法完成此操作。' },
  'error.retry': { 'en-US': 'Try again', 'zh-CN': '重试' },

  // ---- Templates ---------------------------------------------------------------------------
  'templates.heading': { 'en-US': 'Templates', 'zh-CN': '模板' },
  'templates.search.label': { 'en-US': 'Search templates', 'zh-CN': '搜索模板' },
  'templates.search.placeholder': { 'en-US': 'Title, tag or id', 'zh-CN': '标题、标签或编号' },
  'templates.category.label': { 'en-US': 'Category', 'zh-CN': '类别' },
  'templates.category.all': { 'en-US': 'All categories', 'zh-CN': '全部类别' },
  'templates.category.scorecard': { 'en-US': 'Scorecard', 'zh-CN': '评分卡' },
  'templates.category.incentive': { 'en-US': 'Incentive', 'zh-CN': '激励' },
  'templates.category.cost-benefit': { 'en-US': 'Cost-benefit', 'zh-CN': '成本效益' },
  'templates.category.budget': { 'en-US': 'Budget', 'zh-CN': '预算' },
  'templates.category.simulation': { 'en-US': 'Simulation', 'zh-CN': '模拟' },
  'templates.category.channel': { 'en-US': 'Channel', 'zh-CN': '渠道' },
  'templates.category.other': { 'en-US': 'Other', 'zh-CN': '其他' },
  'templates.list.label': { 'en-US': 'Templates found', 'zh-CN': '找到的模板' },
  'templates.loading': { 'en-US': 'Loading templates…', 'zh-CN': '正在加载模板…' },
  'templates.loadFailed': { 'en-US': "Couldn't load the templates", 'zh-CN': '无法加载模板' },
  'templates.count': { 'en-US': 'Templates found: {count}', 'zh-CN': '找到 {count} 个模板' },
  'templates.empty': { 'en-US': 'No template matches your search.', 'zh-CN': '没有符合搜索条件的模板。' },
  'templates.details.label': { 'en-US': 'Template details', 'zh-CN': '模板详情' },
  'templates.details.back': { 'en-US': 'Back to the templates', 'zh-CN': '返回模板列表' },
  'templates.details.loading': { 'en-US': "Loading the template's details…", 'zh-CN': '正在加载模板详情…' },
  'templates.details.failed': { 'en-US': "Couldn't load the template's details", 'zh-CN': '无法加载模板详情' },
  'templates.details.category': { 'en-US': 'Category', 'zh-CN': '类别' },
  'templates.details.tags': { 'en-US': 'Tags', 'zh-CN': '标签' },
  'templates.details.versions': { 'en-US': 'Versions', 'zh-CN': '版本' },
  'templates.details.version': { 'en-US': 'Version', 'zh-CN': '版本' },
  'templates.details.created': { 'en-US': 'Created', 'zh-CN': '创建时间' },
  'templates.details.size': { 'en-US': 'Size', 'zh-CN': '大小' },
  'templates.details.updated': { 'en-US': 'Updated', 'zh-CN': '更新时间' },
  'templates.versionName': { 'en-US': 'v{version}', 'zh-CN': 'v{version}' },
  'templates.fileName': { 'en-US': '{title} v{version}.xlsx', 'zh-CN': '{title} v{version}.xlsx' },
  'templates.download': { 'en-US': 'Download', 'zh-CN': '下载' },
  'templates.downloadInstead': { 'en-US': 'Download instead', 'zh-CN': '改为下载' },
  'templates.downloadVersion': { 'en-US': 'Download version {version}', 'zh-CN': '下载第 {version} 版' },
  'templates.insert': { 'en-US': 'Insert into workbook', 'zh-CN': '插入到工作簿' },
  'templates.inserting': { 'en-US': 'Inserting…', 'zh-CN': '正在插入…' },
  'templates.inserted': { 'en-US': 'Inserted "{title}" into the workbook: {sheets}.', 'zh-CN': '已将“{title}”插入工作簿：{sheets}。' },
  'templates.insertFailed': { 'en-US': "Couldn't insert the template", 'zh-CN': '无法插入模板' },
  'templates.cannotInsert': {
    'en-US': 'This version of Excel cannot insert worksheets from a file: download the workbook and open it.',
    'zh-CN': '此版本的 Excel 无法从文件插入工作表：请下载工作簿后打开。',
  },
  'templates.list.separator': { 'en-US': ', ', 'zh-CN': '、' },

  // ---- Benchmarks --------------------------------------------------------------------------
  'benchmarks.heading': { 'en-US': 'Benchmarks', 'zh-CN': '基准' },
  'benchmarks.honest': {
    'en-US': 'Suggested defaults from the plan documents, until peers contribute their own figures.',
    'zh-CN': '在同行提供数据之前，这里是方案文件中的建议默认值。',
  },
  'benchmarks.search.label': { 'en-US': 'Search benchmarks', 'zh-CN': '搜索基准' },
  'benchmarks.search.placeholder': { 'en-US': 'e.g. labour cost', 'zh-CN': '例如：人工成本' },
  'benchmarks.area.label': { 'en-US': 'Area', 'zh-CN': '领域' },
  'benchmarks.area.all': { 'en-US': 'All areas', 'zh-CN': '全部领域' },
  'benchmarks.list.label': { 'en-US': 'Benchmarks found', 'zh-CN': '找到的基准' },
  'benchmarks.group': { 'en-US': '{area} ({count})', 'zh-CN': '{area}（{count}）' },
  'benchmarks.loading': { 'en-US': 'Loading benchmarks…', 'zh-CN': '正在加载基准…' },
  'benchmarks.loadFailed': { 'en-US': "Couldn't load the benchmarks", 'zh-CN': '无法加载基准' },
  'benchmarks.count': { 'en-US': 'Benchmarks found: {count}', 'zh-CN': '找到 {count} 个基准' },
  'benchmarks.empty': { 'en-US': 'No benchmark matches your search.', 'zh-CN': '没有符合搜索条件的基准。' },
  'benchmarks.segment': { 'en-US': 'Applies to', 'zh-CN': '适用范围' },
  'benchmarks.n': { 'en-US': 'Sample size', 'zh-CN': '样本数' },
  'benchmarks.source': { 'en-US': 'Source', 'zh-CN': '来源' },
  'benchmarks.source.defaults': { 'en-US': 'Suggested default from the plan documents', 'zh-CN': '方案文件中的建议默认值' },
  'benchmarks.source.peers': { 'en-US': 'Peer contributions', 'zh-CN': '同行提供的数据' },
  'benchmarks.updated': { 'en-US': 'Updated', 'zh-CN': '更新时间' },
  'benchmarks.period': { 'en-US': 'Period', 'zh-CN': '期间' },
  'benchmarks.withheld': {
    'en-US': 'Values are withheld until at least 5 organizations contribute.',
    'zh-CN': '至少 5 家组织提供数据后才会公布数值。',
  },
  'benchmarks.percentile.label': { 'en-US': 'Percentile', 'zh-CN': '百分位' },
  'benchmarks.percentile': { 'en-US': 'P{p}', 'zh-CN': 'P{p}' },
  'benchmarks.insertFormula': { 'en-US': 'Insert as formula', 'zh-CN': '以公式插入' },
  'benchmarks.insertValue': { 'en-US': 'Insert as value', 'zh-CN': '以数值插入' },
  'benchmarks.inserted': { 'en-US': 'Inserted into {address}.', 'zh-CN': '已插入到 {address}。' },
  'benchmarks.insertFailed': { 'en-US': "Couldn't insert into the selected cell", 'zh-CN': '无法插入到所选单元格' },
} as const satisfies Record<string, Text>;

export type PaneKey = keyof typeof PANE;
