/**
 * What the workbook layer (workbook/) tells a user about a file it cannot read, in en-US and
 * zh-CN side by side: the zip container, the package's parts, cells, tables and structured
 * references, and the limits of workbook/limits.ts. The en-US templates are the messages
 * exactly as they have always read.
 *
 * Parameters are what the file holds, as it holds it: part names (xl/worksheets/sheet1.xml),
 * sheet and table names, cell references, sizes (formatted as people read them where the
 * English did). A `reason` is another library's message (zlib, pako), kept as it was written.
 */
import type { Text } from './text';

export const WORKBOOK = {
  // ---- The zip container (workbook/zip.ts, node-codec.ts, browser-codec.ts) -----------------
  zipInflatesPast: { 'en-US': 'a zip entry inflates past {limit} bytes', 'zh-CN': '某个 ZIP 条目解压后超过 {limit} 字节' },
  zipDoesNotInflate: { 'en-US': 'a zip entry does not inflate: {reason}', 'zh-CN': '某个 ZIP 条目无法解压："{reason}"' },
  /** pako's error without a message of its own: its zlib status code. */
  zlibError: { 'en-US': 'zlib error {code}', 'zh-CN': 'zlib 错误 {code}' },
  oleFile: {
    'en-US': 'this is an OLE compound file (a password-protected workbook or a legacy .xls), not an .xlsx zip package',
    'zh-CN': '这是一个 OLE 复合文档（受密码保护的工作簿或旧版 .xls 文件），不是 .xlsx 的 ZIP 包',
  },
  notZip: { 'en-US': 'not a zip archive (no end-of-central-directory record)', 'zh-CN': '不是 ZIP 压缩包（没有中央目录结束记录）' },
  zip64: { 'en-US': 'zip64 archives are not supported', 'zh-CN': '不支持 ZIP64 压缩包' },
  corruptCentralDirectory: { 'en-US': 'corrupt zip central directory', 'zh-CN': 'ZIP 中央目录已损坏' },
  entryEncrypted: { 'en-US': 'zip entry {name} is encrypted', 'zh-CN': 'ZIP 条目 {name} 已加密' },
  entryMethod: {
    'en-US': 'zip entry {name} uses compression method {method} (only stored and deflate are supported)',
    'zh-CN': 'ZIP 条目 {name} 使用了压缩方法 {method}（只支持不压缩和 Deflate 压缩）',
  },
  corruptLocalHeader: { 'en-US': 'corrupt zip local header for {name}', 'zh-CN': 'ZIP 条目 {name} 的本地文件头已损坏' },
  entryTruncated: { 'en-US': 'zip entry {name} is truncated', 'zh-CN': 'ZIP 条目 {name} 不完整（已被截断）' },
  noPart: { 'en-US': 'the package has no part {name}', 'zh-CN': '包中没有部件 {name}' },
  partOverLimit: { 'en-US': 'part {name} is {size} bytes uncompressed (limit {limit})', 'zh-CN': '部件 {name} 解压后为 {size} 字节（上限 {limit}）' },
  partSizeMismatch: {
    'en-US': 'part {name} inflates to {got} bytes, not the {size} its header says',
    'zh-CN': '部件 {name} 解压后为 {got} 字节，而不是其文件头所写的 {size} 字节',
  },

  // ---- The package and its parts (read.ts, package.ts, tables.ts, xml.ts, a1.ts; exit 2) -------
  noWorkbookPart: { 'en-US': 'the package has no workbook part (is it an .xlsx file?)', 'zh-CN': '包中没有工作簿部件（这是 .xlsx 文件吗？）' },
  macroEnabled: {
    'en-US': 'macro-enabled workbooks (.xlsm) are not supported: save it as .xlsx (Excel Workbook) first',
    'zh-CN': '不支持启用宏的工作簿（.xlsm）：请先在 Excel 中另存为 .xlsx（Excel 工作簿）',
  },
  sheetNoName: { 'en-US': '{part} lists a sheet without a name', 'zh-CN': '{part} 中列出的某个工作表没有名称' },
  sheetMissingPart: { 'en-US': 'sheet "{sheet}" points to a missing part {part}', 'zh-CN': '工作表 "{sheet}" 指向不存在的部件 {part}' },
  noWorksheets: { 'en-US': 'the workbook has no worksheets', 'zh-CN': '工作簿中没有工作表' },
  rowOutsideGrid: { 'en-US': 'sheet "{sheet}": row number {row} is outside Excel\'s grid', 'zh-CN': '工作表 "{sheet}"：行号 {row} 超出了 Excel 工作表的范围' },
  notCellReference: { 'en-US': 'sheet "{sheet}": "{ref}" is not a cell reference', 'zh-CN': '工作表 "{sheet}"："{ref}" 不是单元格引用' },
  cellNotClosed: { 'en-US': 'sheet "{sheet}": cell {ref} is not closed', 'zh-CN': '工作表 "{sheet}"：单元格 {ref} 未闭合' },
  cellAtRowNotClosed: { 'en-US': 'sheet "{sheet}": cell at row {row} is not closed', 'zh-CN': '工作表 "{sheet}"：第 {row} 行的某个单元格未闭合' },
  sharedBeforeMaster: {
    'en-US': 'sheet "{sheet}": cell at row {row}, column {column} uses shared formula {index} before its master',
    'zh-CN': '工作表 "{sheet}"：第 {row} 行第 {column} 列的单元格在共享公式 {index} 的主单元格之前就使用了它',
  },
  sheetNoSheetData: { 'en-US': 'sheet "{sheet}" has no <sheetData> in {part}', 'zh-CN': '工作表 "{sheet}" 的部件 {part} 中没有 <sheetData>' },
  notTablePart: { 'en-US': '{part} is not a table part', 'zh-CN': '{part} 不是表格部件' },
  tableNoName: { 'en-US': 'table part {part} has no name', 'zh-CN': '表格部件 {part} 没有名称' },
  tableBadRef: {
    'en-US': 'table part {part}: the cells it covers, "{ref}", are not a cell range',
    'zh-CN': '表格部件 {part}：其覆盖的单元格 "{ref}" 不是单元格区域',
  },
  tableBadRowCount: { 'en-US': 'table part {part}: "{value}" is not a number of rows', 'zh-CN': '表格部件 {part}："{value}" 不是有效的行数' },
  arrayBadRef: {
    'en-US': 'sheet "{sheet}": the array formula in {cell} covers "{ref}", which is not a cell range',
    'zh-CN': '工作表 "{sheet}"：{cell} 中的数组公式覆盖 "{ref}"，这不是单元格区域',
  },
  unclosedElement: { 'en-US': 'unclosed <{element}> element', 'zh-CN': '<{element}> 元素未闭合' },
  /** XML that is not well-formed, with the part it is in: "xl/workbook.xml: unclosed <definedName> element". */
  inPart: { 'en-US': '{part}: {reason}', 'zh-CN': '{part}：{reason}' },
  notCellAddress: { 'en-US': 'not a cell address: {address}', 'zh-CN': '不是单元格地址：{address}' },

  // ---- Writing values back (patch.ts, dynamic-arrays.ts, excel-form.ts) ----------------------
  noSheetData: { 'en-US': 'worksheet part has no <sheetData>', 'zh-CN': '工作表部件中没有 <sheetData>' },
  noSheetDataEnd: { 'en-US': 'worksheet part has no </sheetData>', 'zh-CN': '工作表部件中没有 </sheetData>' },
  noSheets: { 'en-US': 'workbook part has no <sheets>', 'zh-CN': '工作簿部件中没有 <sheets>' },
  foreignCellMetadata: {
    'en-US': '{part} holds cell metadata but no dynamic-array block',
    'zh-CN': '{part} 含有单元格元数据，但没有动态数组块',
  },

  // ---- Over a limit (limits.ts; perfplan calc exits 3) ---------------------------------------
  partTooLarge: { 'en-US': 'part {part} is {size} bytes uncompressed; the limit is {limit}', 'zh-CN': '部件 {part} 解压后为 {size} 字节；上限为 {limit}' },
  tooManyCells: { 'en-US': 'the workbook has more than {limit} cells', 'zh-CN': '工作簿的单元格超过 {limit} 个' },
  textTooLong: {
    'en-US': '{cell} holds {length} characters of text; Excel allows {limit}',
    'zh-CN': '{cell} 中的文本有 {length} 个字符；Excel 最多允许 {limit} 个',
  },
  formulaTooLong: {
    'en-US': '{cell}: the formula is {length} characters long; the limit is {limit}',
    'zh-CN': '{cell}：公式长 {length} 个字符；上限为 {limit}',
  },

  // ---- Tables and structured references (tables.ts; a formula shows #REF! or #VALUE!) ---------
  structuredUnreadable: { 'en-US': 'cannot read the structured reference [{inner}]', 'zh-CN': '无法读取结构化引用 [{inner}]' },
  structuredColumns: { 'en-US': '[{inner}] names more than a column range', 'zh-CN': '[{inner}] 指定的不只是一个列范围' },
  tableNoColumn: { 'en-US': 'table {table} has no column "{column}"', 'zh-CN': '表格 {table} 没有列 "{column}"' },
  noTableNamed: { 'en-US': 'no table named {table}', 'zh-CN': '没有名为 {table} 的表格' },
  outsideTable: { 'en-US': '[…] outside a table', 'zh-CN': '[…] 不在表格内' },
  thisRowOutside: { 'en-US': '{reference} is used outside the data rows of {table}', 'zh-CN': '{reference} 用在了表格 {table} 的数据行之外' },
  tableNoHeaders: { 'en-US': 'table {table} has no header row', 'zh-CN': '表格 {table} 没有标题行' },
  tableNoTotals: { 'en-US': 'table {table} has no totals row', 'zh-CN': '表格 {table} 没有汇总行' },
  tableNoData: { 'en-US': 'table {table} has no data rows', 'zh-CN': '表格 {table} 没有数据行' },
} as const satisfies Record<string, Text>;
