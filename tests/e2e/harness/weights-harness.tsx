/**
 * Test-only page: the Weights view alone, the way the shell mounts it (FluentProvider +
 * ViewProps), so the AHP wizard can be driven in a browser independently of the shell.
 * Built by tests/e2e/support/build.ts into test-results/e2e-harness/.
 *
 *   weights.html?locale=zh-CN&inExcel=1   (defaults: the browser's language, inExcel=0)
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import type { Locale } from '../../../addin/taskpane/view-contract';
import WeightsView from '../../../addin/taskpane/views/weights';

const params = new URLSearchParams(window.location.search);
const requested = params.get('locale');
const locale: Locale =
  requested === 'zh-CN' || requested === 'en-US' ? requested : navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
document.documentElement.lang = locale;

createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme}>
    <WeightsView locale={locale} host={{ inExcel: params.get('inExcel') === '1' }} apiBase="/api" />
  </FluentProvider>,
);
