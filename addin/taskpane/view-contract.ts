/**
 * What every task pane view receives from the shell. Views live in `views/<name>/index.tsx`,
 * default-export a React component taking ViewProps, and are loaded lazily by the shell.
 */
import type { Locale } from '../../i18n/locale';

export type { Locale };

export interface HostInfo {
  /** True inside Excel (Office.js host ready); false in a plain browser (standalone mode). */
  inExcel: boolean;
  /**
   * Whether this Excel can insert worksheets from a file (ExcelApi 1.13). Checked up front, so
   * that an action Excel cannot do offers "Download instead" rather than failing. False
   * outside Excel; undefined means "in Excel, assume yes".
   */
  canInsertSheets?: boolean;
  /**
   * The workbook's locale for numbers and money (Excel's culture, ExcelApi 1.12), when Excel
   * reported one; views fall back to the pane's language.
   */
  numberLocale?: string;
}

export interface ViewProps {
  locale: Locale;
  host: HostInfo;
  /** Base URL of the PerfPlan API, e.g. "/api" (same origin) or "http://localhost:7071/api". */
  apiBase: string;
}
