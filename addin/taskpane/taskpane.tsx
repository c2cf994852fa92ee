/**
 * Task pane entry (webpack entry "taskpane"): renders the shell into #root.
 *
 * This page is also the shared runtime: Excel loads it (after office.js and functions.js)
 * even while the pane is hidden, so nothing here may block or throw at load time. The views
 * are separate chunks fetched when their tab is first opened.
 *
 * Language: the browser's (navigator.language) first, then Office's display language
 * (Office.context.displayLanguage) once Office.onReady reports the Excel host, unless the
 * user picked one with the switch meanwhile. Standalone mode when office.js is absent,
 * reports no host, or does not answer within HOST_TIMEOUT_MS.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { resolveApiBase } from './api';
import { App, tabFromQuery } from './app';
import { type HostDetection, detectHost, officeGlobal } from './host';
import { pickLocale } from './locale';

const detect = (onLate: (detection: HostDetection) => void) => detectHost(officeGlobal(), { onLate });

function start(): void {
  try {
    const container = document.getElementById('root');
    if (!container) return;
    const search = window.location.search;
    createRoot(container).render(
      <React.StrictMode>
        <App initialLocale={pickLocale(navigator.language)} apiBase={resolveApiBase(search)} initialTab={tabFromQuery(search)} detectHost={detect} />
      </React.StrictMode>,
    );
  } catch (error) {
    console.warn('PerfPlan: the task pane could not start', error);
  }
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
