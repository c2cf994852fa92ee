/**
 * What every task pane view receives from the shell. Views live in `views/<name>/index.tsx`,
 * default-export a React component taking ViewProps, and are loaded lazily by the shell.
 */
export type Locale = 'en-US' | 'zh-CN';

export interface HostInfo {
  /** True inside Excel (Office.js host ready); false in a plain browser (standalone mode). */
  inExcel: boolean;
}

export interface ViewProps {
  locale: Locale;
  host: HostInfo;
  /** Base URL of the PerfPlan API, e.g. "/api" (same origin) or "http://localhost:7071/api". */
  apiBase: string;
}
